package io.caesarrest.finder.fit;

/**
 * A fitted elliptical Gaussian in pixel units with 1-sigma errors.
 *
 * @param amplitude peak value (image units)
 * @param x centre column (0-based)
 * @param y centre row (0-based)
 * @param sigmaMajor major-axis standard deviation in pixels
 * @param sigmaMinor minor-axis standard deviation in pixels
 * @param thetaDeg major-axis angle from +x counter-clockwise, degrees in [0, 180)
 * @param errors errors of {amplitude, x, y, sigmaMajor, sigmaMinor, thetaDeg}
 * @param integralError error of the integral {@code 2 pi A sMaj sMin}
 */
public record GaussianComponent(double amplitude, double x, double y, double sigmaMajor, double sigmaMinor,
		double thetaDeg, double[] errors, double integralError) {

	/**
	 * Returns the integral of the Gaussian, {@code 2 pi A sMaj sMin}.
	 * @return the integral in image units times pixels
	 */
	public double integral() {
		return 2 * Math.PI * this.amplitude * this.sigmaMajor * this.sigmaMinor;
	}

	/**
	 * Returns the position angle in the image, from +y counter-clockwise (towards -x), in
	 * [0, 180).
	 * @return the position angle in degrees
	 */
	public double imagePositionAngleDeg() {
		double pa = (this.thetaDeg - 90) % 180;
		return (pa < 0) ? pa + 180 : pa;
	}

}
