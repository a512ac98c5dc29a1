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

}
