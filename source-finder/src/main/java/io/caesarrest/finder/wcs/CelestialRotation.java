package io.caesarrest.finder.wcs;

/**
 * Rotation from native spherical to celestial coordinates (Calabretta and Greisen 2002).
 */
final class CelestialRotation {

	private final double alphaP;

	private final double sinDeltaP;

	private final double cosDeltaP;

	private final double phiP;

	CelestialRotation(double alpha0, double delta0, double theta0, double lonpole, double latpole) {
		this.phiP = Double.isNaN(lonpole) ? ((delta0 >= theta0) ? 0 : 180) : lonpole;
		double deltaP = (theta0 == 90) ? delta0 : poleLatitude(delta0, theta0, latpole);
		this.sinDeltaP = sind(deltaP);
		this.cosDeltaP = cosd(deltaP);
		this.alphaP = (theta0 == 90) ? alpha0 : poleLongitude(alpha0, delta0, theta0, deltaP);
	}

	private double poleLatitude(double delta0, double theta0, double latpole) {
		double a = Math.toDegrees(Math.atan2(sind(theta0), cosd(theta0) * cosd(this.phiP)));
		double s = sind(this.phiP) * cosd(theta0);
		double b = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, sind(delta0) / Math.sqrt(1 - s * s)))));
		double first = a + b;
		double second = a - b;
		boolean firstValid = Math.abs(first) <= 90 + 1e-10;
		boolean secondValid = Math.abs(second) <= 90 + 1e-10;
		if (firstValid && secondValid) {
			return (Math.abs(first - latpole) <= Math.abs(second - latpole)) ? first : second;
		}
		return firstValid ? first : second;
	}

	private double poleLongitude(double alpha0, double delta0, double theta0, double deltaP) {
		if (Math.abs(deltaP - 90) < 1e-12) {
			return alpha0 + this.phiP - 180;
		}
		if (Math.abs(deltaP + 90) < 1e-12) {
			return alpha0 - this.phiP;
		}
		double y = sind(this.phiP) * cosd(theta0) / cosd(delta0);
		double x = (sind(theta0) - sind(deltaP) * sind(delta0)) / (cosd(deltaP) * cosd(delta0));
		return alpha0 - Math.toDegrees(Math.atan2(y, x));
	}

	SkyPosition toCelestial(double phi, double theta) {
		double dphi = phi - this.phiP;
		double sinTheta = sind(theta);
		double cosTheta = cosd(theta);
		double y = -cosTheta * sind(dphi);
		double x = sinTheta * this.cosDeltaP - cosTheta * this.sinDeltaP * cosd(dphi);
		double alpha = this.alphaP + Math.toDegrees(Math.atan2(y, x));
		double sinDelta = sinTheta * this.sinDeltaP + cosTheta * this.cosDeltaP * cosd(dphi);
		double delta = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, sinDelta))));
		return new SkyPosition(normalize(alpha), delta);
	}

	static double normalize(double alpha) {
		double a = alpha % 360.0;
		return (a < 0) ? a + 360.0 : a;
	}

	private static double sind(double deg) {
		return Math.sin(Math.toRadians(deg));
	}

	private static double cosd(double deg) {
		return Math.cos(Math.toRadians(deg));
	}

}
