package io.caesarrest.finder.wcs;

import nom.tam.fits.Header;

/**
 * Reads CTYPE, CRPIX, CRVAL and the linear transformation (CDi_j, PCi_j with CDELTi, or
 * CDELTi with CROTA2) from a FITS header.
 */
final class WcsHeaderParser {

	private final Header header;

	WcsHeaderParser(Header header) {
		this.header = header;
	}

	WorldCoordinates parse() {
		String ctype1 = this.header.getStringValue("CTYPE1", "").trim().toUpperCase();
		String ctype2 = this.header.getStringValue("CTYPE2", "").trim().toUpperCase();
		Projection projection = Projection.fromCtype(ctype1);
		if (projection == null || projection != Projection.fromCtype(ctype2)) {
			return null;
		}
		boolean latitudeFirst = isLatitude(ctype1);
		double[] crpix = { value("CRPIX1", 0), value("CRPIX2", 0) };
		double[] crval = { value("CRVAL1", 0), value("CRVAL2", 0) };
		if (latitudeFirst) {
			crval = new double[] { crval[1], crval[0] };
		}
		double[] cd = linearTransformation();
		if (cd == null) {
			return null;
		}
		return new WorldCoordinates(crpix, crval, cd, projection, latitudeFirst, value("LONPOLE", Double.NaN),
				value("LATPOLE", 90));
	}

	private static boolean isLatitude(String ctype) {
		return ctype.startsWith("DEC") || ctype.substring(1, 4).equals("LAT");
	}

	private double[] linearTransformation() {
		if (has("CD1_1") || has("CD1_2") || has("CD2_1") || has("CD2_2")) {
			return new double[] { value("CD1_1", 0), value("CD1_2", 0), value("CD2_1", 0), value("CD2_2", 0) };
		}
		double cdelt1 = value("CDELT1", 0);
		double cdelt2 = value("CDELT2", 0);
		if (cdelt1 == 0 || cdelt2 == 0) {
			return null;
		}
		if (has("PC1_1") || has("PC1_2") || has("PC2_1") || has("PC2_2")) {
			return new double[] { cdelt1 * value("PC1_1", 1), cdelt1 * value("PC1_2", 0), cdelt2 * value("PC2_1", 0),
					cdelt2 * value("PC2_2", 1) };
		}
		double rho = Math.toRadians(value("CROTA2", 0));
		double cos = Math.cos(rho);
		double sin = Math.sin(rho);
		return new double[] { cdelt1 * cos, -cdelt2 * sin, cdelt1 * sin, cdelt2 * cos };
	}

	private boolean has(String key) {
		return this.header.containsKey(key);
	}

	private double value(String key, double fallback) {
		return this.header.getDoubleValue(key, fallback);
	}

}
