package io.caesarrest.finder.fits;

import java.util.Locale;

/**
 * What a pixel value measures, from BUNIT and the beam keywords: a surface brightness per
 * beam (integrated fluxes are sums divided by the beam area), a flux per pixel (sums are
 * fluxes already), or another unit (sums are left as they are).
 */
public enum FluxUnit {

	/** BUNIT ends in {@code /BEAM}. */
	PER_BEAM,

	/**
	 * No BUNIT but a beam: taken as Jy/beam, as Aegean, PyBDSF and SExtractor users
	 * assume for radio images.
	 */
	PER_BEAM_ASSUMED,

	/** BUNIT ends in {@code /PIXEL} or {@code /PIX}. */
	PER_PIXEL,

	/** Any other unit, or no BUNIT and no beam. */
	OTHER;

	/**
	 * Classifies a header.
	 * @param bunit the BUNIT value, empty when absent
	 * @param hasBeam whether the header gives a beam (and a pixel scale)
	 * @return the classification
	 */
	public static FluxUnit of(String bunit, boolean hasBeam) {
		String unit = bunit.toUpperCase(Locale.ROOT).replace(" ", "");
		if (unit.endsWith("/BEAM")) {
			return PER_BEAM;
		}
		if (unit.endsWith("/PIXEL") || unit.endsWith("/PIX")) {
			return PER_PIXEL;
		}
		return (unit.isEmpty() && hasBeam) ? PER_BEAM_ASSUMED : OTHER;
	}

	/**
	 * Returns whether integrated fluxes are sums divided by the beam area.
	 * @return {@code true} for per-beam units, given or assumed
	 */
	public boolean perBeam() {
		return this == PER_BEAM || this == PER_BEAM_ASSUMED;
	}

	/**
	 * Returns the unit of peak fluxes.
	 * @param bunit the BUNIT value
	 * @return BUNIT, or {@code Jy/beam} when it is assumed
	 */
	public String peakUnit(String bunit) {
		return (this == PER_BEAM_ASSUMED) ? "Jy/beam" : bunit;
	}

	/**
	 * Returns the unit of integrated fluxes.
	 * @param bunit the BUNIT value
	 * @return BUNIT without its {@code /beam} or {@code /pixel} part ({@code Jy} when
	 * assumed), or BUNIT times pixels for other units
	 */
	public String integratedUnit(String bunit) {
		return switch (this) {
			case PER_BEAM_ASSUMED -> "Jy";
			case PER_BEAM, PER_PIXEL -> bunit.substring(0, bunit.lastIndexOf('/')).trim();
			case OTHER -> bunit.isEmpty() ? "" : bunit + " pixel";
		};
	}

}
