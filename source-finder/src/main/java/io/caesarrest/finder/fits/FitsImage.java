package io.caesarrest.finder.fits;

import io.caesarrest.finder.wcs.WorldCoordinates;

/**
 * A 2-D image as a flat row-major float array (NaN for blank pixels) with its metadata.
 *
 * @param name the image name (file name)
 * @param width the number of columns (NAXIS1)
 * @param height the number of rows (NAXIS2)
 * @param pixels the pixel values, index {@code y * width + x}, NaN where blank
 * @param unit the BUNIT value, empty when absent
 * @param beam the restoring beam, or {@code null} when the header has none
 * @param wcs the world coordinates, or {@code null} when the header has none
 */
public record FitsImage(String name, int width, int height, float[] pixels, String unit, Beam beam,
		WorldCoordinates wcs) {

	/**
	 * Returns the pixel value at a position.
	 * @param x the column (0-based)
	 * @param y the row (0-based)
	 * @return the value, NaN for blank pixels
	 */
	public float get(int x, int y) {
		return this.pixels[y * this.width + x];
	}

	/**
	 * Returns what the pixel values measure.
	 * @return the flux unit classification
	 */
	public FluxUnit fluxUnit() {
		return FluxUnit.of(this.unit, this.beam != null && this.wcs != null);
	}

	/**
	 * Returns whether the pixels are a surface brightness per beam, by BUNIT or, without
	 * BUNIT, by the presence of a beam.
	 * @return {@code true} for units such as {@code JY/BEAM}, or no unit and a beam
	 */
	public boolean isPerBeam() {
		return fluxUnit().perBeam();
	}

	/**
	 * Returns the pixel scale in degrees (square root of the pixel area), 0 when there is
	 * no WCS.
	 * @return the pixel scale in degrees
	 */
	public double pixelScaleDeg() {
		return (this.wcs != null) ? Math.sqrt(this.wcs.pixelAreaDeg2()) : 0;
	}

	/**
	 * Returns the beam area in pixels, or 1 when there is no beam or no WCS.
	 * @return the beam area in pixels
	 */
	public double beamAreaPixels() {
		return (this.beam != null && this.wcs != null) ? this.beam.areaPixels(this.wcs.pixelAreaDeg2()) : 1.0;
	}

	/**
	 * Returns the beam major FWHM in pixels, or the fallback when unknown.
	 * @param fallback the value used without beam or WCS
	 * @return the major FWHM in pixels
	 */
	public double beamMajorPixels(double fallback) {
		return (this.beam != null && this.wcs != null) ? this.beam.majorPixels(pixelScaleDeg()) : fallback;
	}

}
