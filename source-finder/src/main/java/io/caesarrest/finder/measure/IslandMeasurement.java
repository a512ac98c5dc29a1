package io.caesarrest.finder.measure;

/**
 * Model-free parameters of an island in pixel units.
 *
 * @param peakX column of the brightest pixel
 * @param peakY row of the brightest pixel
 * @param peakFlux background-subtracted value of the brightest pixel
 * @param peakSnr significance of the brightest pixel
 * @param centroidX flux-weighted centroid column
 * @param centroidY flux-weighted centroid row
 * @param sumFlux sum of background-subtracted pixel values
 * @param sumFluxError error of the sum, accounting for noise correlated over a beam
 * @param majorFwhm moments major axis FWHM in pixels
 * @param minorFwhm moments minor axis FWHM in pixels
 * @param imagePaDeg moments position angle from +y counter-clockwise, degrees in [0, 180)
 * @param pixels the number of pixels
 * @param meanNoise the mean local noise over the island
 */
public record IslandMeasurement(int peakX, int peakY, double peakFlux, double peakSnr, double centroidX,
		double centroidY, double sumFlux, double sumFluxError, double majorFwhm, double minorFwhm, double imagePaDeg,
		int pixels, double meanNoise) {

}
