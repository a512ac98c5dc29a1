package io.caesarrest.fits;

import java.util.List;

/**
 * What the service keeps of a FITS primary header.
 *
 * @param bitpix BITPIX
 * @param axes NAXISn in order
 * @param bunit BUNIT, or null
 * @param bmaj BMAJ in degrees, or null
 * @param bmin BMIN in degrees, or null
 * @param ctype CTYPEn of the axes, null entries when absent
 * @param object OBJECT, or null
 */
public record FitsSummary(int bitpix, List<Integer> axes, String bunit, Double bmaj, Double bmin, List<String> ctype,
		String object) {

	/** The WCS projection of the first axis (e.g. {@code SIN}), or null. */
	public String projection() {
		if (this.ctype.isEmpty() || this.ctype.get(0) == null || this.ctype.get(0).length() < 8) {
			return null;
		}
		return this.ctype.get(0).substring(5).replace("-", "").trim();
	}

}
