package io.caesarrest.finder.wcs;

/**
 * A celestial position in degrees.
 *
 * @param ra right ascension (or longitude) in degrees, in [0, 360)
 * @param dec declination (or latitude) in degrees
 */
public record SkyPosition(double ra, double dec) {

	/** Position used when an image has no usable world coordinates. */
	public static final SkyPosition UNKNOWN = new SkyPosition(Double.NaN, Double.NaN);

	/**
	 * Returns the great-circle separation to another position.
	 * @param other the other position
	 * @return the separation in degrees
	 */
	public double separationDeg(SkyPosition other) {
		double d1 = Math.toRadians(this.dec);
		double d2 = Math.toRadians(other.dec);
		double dra = Math.toRadians(other.ra - this.ra);
		double sinDdec = Math.sin((d2 - d1) / 2);
		double sinDra = Math.sin(dra / 2);
		double h = sinDdec * sinDdec + Math.cos(d1) * Math.cos(d2) * sinDra * sinDra;
		return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
	}

}
