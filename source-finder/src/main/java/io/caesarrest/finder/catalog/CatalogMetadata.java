package io.caesarrest.finder.catalog;

import java.util.Map;

/**
 * Run metadata written next to the sources.
 *
 * @param image the image name
 * @param width the image width in pixels
 * @param height the image height in pixels
 * @param units the flux units
 * @param sizeUnit unit of source sizes ({@code arcsec} or {@code pixel})
 * @param beamMajor beam major FWHM in arcsec (NaN when unknown)
 * @param beamMinor beam minor FWHM in arcsec (NaN when unknown)
 * @param beamPa beam position angle in degrees
 * @param beamAreaPixels beam area in pixels
 * @param pixelScaleArcsec the pixel scale in arcsec (NaN without WCS)
 * @param medianBackground the median background
 * @param medianNoise the median noise
 * @param detection the thresholds and the false-detection estimate
 * @param boxPixels the background box size in pixels
 * @param threads the number of threads used
 * @param timings stage timings in seconds, in pipeline order
 */
public record CatalogMetadata(String image, int width, int height, FluxUnits units, String sizeUnit, double beamMajor,
		double beamMinor, double beamPa, double beamAreaPixels, double pixelScaleArcsec, double medianBackground,
		double medianNoise, DetectionSummary detection, int boxPixels, int threads, Map<String, Double> timings) {

}
