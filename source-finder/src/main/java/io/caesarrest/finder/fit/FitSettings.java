package io.caesarrest.finder.fit;

/**
 * Settings of the Gaussian fit: the seed threshold for extra components, the component
 * limit and the beam in pixels used for starting sizes and error scaling.
 *
 * @param seedThreshold the significance a secondary peak needs, in sigma
 * @param maxComponents the maximum number of components per island
 * @param beamMajorPixels the beam major FWHM in pixels
 * @param beamMinorPixels the beam minor FWHM in pixels
 * @param beamThetaDeg the beam major-axis angle from +x counter-clockwise, degrees
 */
public record FitSettings(double seedThreshold, int maxComponents, double beamMajorPixels, double beamMinorPixels,
		double beamThetaDeg) {

	/**
	 * Fractional error of a Gaussian model of a real source: a residual or a dip counts
	 * as significant against the noise and this fraction of the local brightness added in
	 * quadrature, so that the non-Gaussian wings of a bright source (a real beam's
	 * sidelobes and coma) are not fitted as extra components.
	 */
	public static final double MODEL_ERROR = 0.05;

	/**
	 * Returns the uncertainty of a residual at a pixel.
	 * @param noise the pixel's noise
	 * @param brightness the model or data value at the pixel
	 * @return the noise and the model error added in quadrature
	 */
	public static double residualError(double noise, double brightness) {
		return Math.hypot(noise, MODEL_ERROR * brightness);
	}

}
