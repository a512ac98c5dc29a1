package io.caesarrest.finder.simulate;

/**
 * An injected source: position, fluxes, S/N (true peak over rms) and shape (FWHM in
 * arcsec, position angle east of north in degrees).
 *
 * @param id the source id (1-based)
 * @param x column (0-based)
 * @param y row (0-based)
 * @param ra right ascension in degrees
 * @param dec declination in degrees
 * @param peakFlux true peak in Jy/beam
 * @param intFlux true integrated flux in Jy
 * @param snr true peak over noise rms
 * @param major major FWHM in arcsec (beam convolved)
 * @param minor minor FWHM in arcsec (beam convolved)
 * @param pa position angle in degrees
 * @param kind {@code point}, {@code pair} or {@code extended}
 */
public record TruthSource(int id, double x, double y, double ra, double dec, double peakFlux, double intFlux,
		double snr, double major, double minor, double pa, String kind) {

}
