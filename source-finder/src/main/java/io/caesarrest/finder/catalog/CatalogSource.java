package io.caesarrest.finder.catalog;

import java.util.List;

/**
 * An island in physical units with its fitted components; sizes are moments FWHM in
 * arcsec (pixels without WCS), position angles east of north in degrees.
 *
 * @param name island name, {@code S<n>} by decreasing peak flux
 * @param x flux-weighted centroid column (0-based)
 * @param y flux-weighted centroid row (0-based)
 * @param peakX column of the brightest pixel
 * @param peakY row of the brightest pixel
 * @param ra right ascension of the centroid in degrees
 * @param dec declination of the centroid in degrees
 * @param peakFlux brightest pixel value (image units)
 * @param intFlux summed flux (divided by the beam area for Jy/beam images)
 * @param intFluxErr error of the summed flux
 * @param snr peak significance
 * @param bmaj moments major FWHM
 * @param bmin moments minor FWHM
 * @param pa moments position angle in degrees
 * @param npix number of pixels
 * @param flags {@link SourceFlags} bits
 * @param components the fitted components, brightest first
 */
public record CatalogSource(String name, double x, double y, int peakX, int peakY, double ra, double dec,
		double peakFlux, double intFlux, double intFluxErr, double snr, double bmaj, double bmin, double pa, int npix,
		int flags, List<CatalogComponent> components) {

}
