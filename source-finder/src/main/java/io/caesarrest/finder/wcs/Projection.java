package io.caesarrest.finder.wcs;

/**
 * Supported FITS celestial projections, each mapping intermediate world coordinates to
 * native spherical coordinates.
 */
public enum Projection {

	/** Slant orthographic. */
	SIN(90),
	/** Gnomonic. */
	TAN(90),
	/** Zenithal equidistant. */
	ARC(90),
	/** North celestial pole (AIPS), a special case of SIN. */
	NCP(90),
	/** Plate carree. */
	CAR(0);

	private final double theta0;

	Projection(double theta0) {
		this.theta0 = theta0;
	}

	/**
	 * Returns the native latitude of the reference point in degrees.
	 * @return theta0 in degrees
	 */
	public double theta0() {
		return this.theta0;
	}

	/**
	 * Converts intermediate world coordinates into native spherical coordinates.
	 * @param x the intermediate x in degrees
	 * @param y the intermediate y in degrees
	 * @return {phi, theta} in degrees; theta is NaN outside the projection's domain
	 */
	public double[] toNative(double x, double y) {
		if (this == CAR) {
			return new double[] { x, y };
		}
		double r = Math.hypot(x, y);
		double phi = (r == 0) ? 0 : Math.toDegrees(Math.atan2(x, -y));
		return new double[] { phi, zenithalTheta(r) };
	}

	private double zenithalTheta(double r) {
		return switch (this) {
			case TAN -> Math.toDegrees(Math.atan2(180.0 / Math.PI, r));
			case ARC -> 90.0 - r;
			default -> Math.toDegrees(Math.acos(Math.toRadians(r)));
		};
	}

	/**
	 * Returns the projection named by a CTYPE value, or {@code null} if it is not
	 * supported.
	 * @param ctype the CTYPE value, e.g. {@code RA---SIN}
	 * @return the projection or {@code null}
	 */
	public static Projection fromCtype(String ctype) {
		if (ctype == null || ctype.length() < 8) {
			return null;
		}
		String code = ctype.substring(5, 8).trim();
		for (Projection projection : values()) {
			if (projection.name().equals(code)) {
				return projection;
			}
		}
		return null;
	}

}
