package io.caesarrest.finder.fits;

/**
 * Restoring beam of an image: FWHM axes and position angle in degrees.
 *
 * @param majorDeg major axis FWHM in degrees
 * @param minorDeg minor axis FWHM in degrees
 * @param paDeg position angle in degrees
 */
public record Beam(double majorDeg, double minorDeg, double paDeg) {

	private static final double FWHM_TO_SIGMA = 1.0 / (2.0 * Math.sqrt(2.0 * Math.log(2.0)));

	/**
	 * Returns the beam area in pixels, {@code pi/(4 ln2) * BMAJ * BMIN / pixel area}.
	 * @param pixelAreaDeg2 the pixel area in square degrees
	 * @return the beam area in pixels
	 */
	public double areaPixels(double pixelAreaDeg2) {
		return Math.PI / (4.0 * Math.log(2.0)) * this.majorDeg * this.minorDeg / pixelAreaDeg2;
	}

	/**
	 * Returns the major axis FWHM in pixels.
	 * @param pixelScaleDeg the pixel scale in degrees
	 * @return the major FWHM in pixels
	 */
	public double majorPixels(double pixelScaleDeg) {
		return this.majorDeg / pixelScaleDeg;
	}

	/**
	 * Returns the minor axis FWHM in pixels.
	 * @param pixelScaleDeg the pixel scale in degrees
	 * @return the minor FWHM in pixels
	 */
	public double minorPixels(double pixelScaleDeg) {
		return this.minorDeg / pixelScaleDeg;
	}

	/**
	 * Converts a FWHM into a Gaussian sigma.
	 * @param fwhm the full width at half maximum
	 * @return the standard deviation
	 */
	public static double sigmaFromFwhm(double fwhm) {
		return fwhm * FWHM_TO_SIGMA;
	}

	/**
	 * Converts a Gaussian sigma into a FWHM.
	 * @param sigma the standard deviation
	 * @return the full width at half maximum
	 */
	public static double fwhmFromSigma(double sigma) {
		return sigma / FWHM_TO_SIGMA;
	}

}
