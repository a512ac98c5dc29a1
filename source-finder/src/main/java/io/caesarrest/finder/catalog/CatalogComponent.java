package io.caesarrest.finder.catalog;

/**
 * A fitted Gaussian component in physical units; sizes are FWHM in arcsec (pixels without
 * WCS), position angles east of north in degrees.
 *
 * @param name component name, {@code <island>_c<n>}
 * @param island name of the parent island
 * @param x centre column (0-based)
 * @param y centre row (0-based)
 * @param xErr error of x in pixels
 * @param yErr error of y in pixels
 * @param ra right ascension in degrees (NaN without WCS)
 * @param dec declination in degrees (NaN without WCS)
 * @param peakFlux fitted amplitude (image units)
 * @param peakFluxErr error of the amplitude
 * @param intFlux integrated flux (Jy for Jy/beam images)
 * @param intFluxErr error of the integrated flux
 * @param snr amplitude over local noise
 * @param bmaj major FWHM
 * @param bmin minor FWHM
 * @param pa position angle in degrees
 * @param bmajErr error of the major FWHM
 * @param bminErr error of the minor FWHM
 * @param paErr error of the position angle
 * @param flags {@link SourceFlags} bits
 */
public record CatalogComponent(String name, String island, double x, double y, double xErr, double yErr, double ra,
		double dec, double peakFlux, double peakFluxErr, double intFlux, double intFluxErr, double snr, double bmaj,
		double bmin, double pa, double bmajErr, double bminErr, double paErr, int flags) {

}
