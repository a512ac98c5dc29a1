package io.caesarrest.finder.wcs;

import nom.tam.fits.Header;

/**
 * Celestial world coordinates of an image: reference pixel, linear transformation and
 * projection, converting 0-based pixel positions into sky positions.
 */
public final class WorldCoordinates {

	private final double crpix1;

	private final double crpix2;

	private final double[] cd;

	private final boolean latitudeFirst;

	private final Projection projection;

	private final double alpha0;

	private final double delta0;

	private final CelestialRotation rotation;

	/**
	 * Creates world coordinates.
	 * @param crpix reference pixel (1-based FITS convention) for axes 1 and 2
	 * @param crval reference longitude and latitude in degrees
	 * @param cd the linear transformation {cd11, cd12, cd21, cd22} in degrees per pixel
	 * @param projection the projection
	 * @param latitudeFirst whether axis 1 is the latitude axis
	 * @param lonpole LONPOLE in degrees, NaN for the default
	 * @param latpole LATPOLE in degrees
	 */
	public WorldCoordinates(double[] crpix, double[] crval, double[] cd, Projection projection, boolean latitudeFirst,
			double lonpole, double latpole) {
		this.crpix1 = crpix[0];
		this.crpix2 = crpix[1];
		this.cd = cd.clone();
		this.projection = projection;
		this.latitudeFirst = latitudeFirst;
		this.alpha0 = crval[0];
		this.delta0 = crval[1];
		this.rotation = new CelestialRotation(crval[0], crval[1], projection.theta0(), lonpole, latpole);
	}

	/**
	 * Builds world coordinates from a FITS header.
	 * @param header the header
	 * @return the coordinates, or {@code null} if the header has no supported celestial
	 * axes
	 */
	public static WorldCoordinates fromHeader(Header header) {
		return new WcsHeaderParser(header).parse();
	}

	/**
	 * Converts a 0-based pixel position to a sky position.
	 * @param x the column (0-based, pixel centres at integers)
	 * @param y the row (0-based)
	 * @return the sky position; NaN components outside the projection's domain
	 */
	public SkyPosition toSky(double x, double y) {
		double dx = x + 1 - this.crpix1;
		double dy = y + 1 - this.crpix2;
		double first = this.cd[0] * dx + this.cd[1] * dy;
		double second = this.cd[2] * dx + this.cd[3] * dy;
		double xi = this.latitudeFirst ? second : first;
		double eta = this.latitudeFirst ? first : second;
		if (this.projection == Projection.NCP) {
			return ncp(Math.toRadians(xi), Math.toRadians(eta));
		}
		double[] phiTheta = this.projection.toNative(xi, eta);
		if (Double.isNaN(phiTheta[1])) {
			return SkyPosition.UNKNOWN;
		}
		return this.rotation.toCelestial(phiTheta[0], phiTheta[1]);
	}

	private SkyPosition ncp(double l, double m) {
		double dec0 = Math.toRadians(this.delta0);
		double t = Math.cos(dec0) - m * Math.sin(dec0);
		double dra = Math.atan2(l, t);
		double ratio = t / Math.cos(dra);
		if (Math.abs(ratio) > 1 + 1e-12) {
			return SkyPosition.UNKNOWN;
		}
		double dec = Math.signum(dec0) * Math.acos(Math.min(1, Math.abs(ratio)));
		return new SkyPosition(CelestialRotation.normalize(this.alpha0 + Math.toDegrees(dra)), Math.toDegrees(dec));
	}

	/**
	 * Returns the pixel area in square degrees ({@code |det CD|}).
	 * @return the pixel area
	 */
	public double pixelAreaDeg2() {
		return Math.abs(this.cd[0] * this.cd[3] - this.cd[1] * this.cd[2]);
	}

	/**
	 * Returns the projection.
	 * @return the projection
	 */
	public Projection projection() {
		return this.projection;
	}

	/**
	 * Returns the sky position angle (east of north) of the image +y direction at a
	 * pixel; add it to an image position angle (from +y towards -x) to get a sky position
	 * angle.
	 * @param x the column
	 * @param y the row
	 * @return the position angle of +y in degrees
	 */
	public double yAxisPositionAngleDeg(double x, double y) {
		SkyPosition here = toSky(x, y);
		SkyPosition up = toSky(x, y + 1);
		double dra = (up.ra() - here.ra()) * Math.cos(Math.toRadians(here.dec()));
		dra = (dra > 180) ? dra - 360 : ((dra < -180) ? dra + 360 : dra);
		return Math.toDegrees(Math.atan2(dra, up.dec() - here.dec()));
	}

}
