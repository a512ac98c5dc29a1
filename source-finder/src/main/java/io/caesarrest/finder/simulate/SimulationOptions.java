package io.caesarrest.finder.simulate;

/**
 * Options of a simulated sky image.
 *
 * @param size image side in pixels
 * @param seed random seed; the same options give the same image
 * @param rms noise standard deviation in Jy/beam
 * @param beamPixels beam FWHM in pixels (circular)
 * @param sources number of entries (a pair counts once); negative for one per 2500 pixels
 * @param background amplitude of the smooth background in Jy/beam
 * @param extended fraction of entries that are resolved Gaussians
 * @param pairs fraction of entries that are close pairs
 */
public record SimulationOptions(int size, long seed, double rms, double beamPixels, int sources, double background,
		double extended, double pairs) {

	/** Pixel scale in arcsec (CDELT), so that a 4 pixel beam is 8 arcsec. */
	public static final double PIXEL_ARCSEC = 2.0;

	/**
	 * Validates the options.
	 * @throws IllegalArgumentException if a value is out of range
	 */
	public SimulationOptions {
		if (size < 32 || size > 50000) {
			throw new IllegalArgumentException("size must be in [32, 50000]");
		}
		if (!(rms > 0) || !(beamPixels >= 1 && beamPixels <= 50)) {
			throw new IllegalArgumentException("rms must be > 0 and beam in [1, 50] pixels");
		}
		if (extended < 0 || pairs < 0 || extended + pairs > 1) {
			throw new IllegalArgumentException("extended and pairs must be fractions with a sum <= 1");
		}
	}

	/**
	 * Returns default options for an image of the given size and seed.
	 * @param size the image side
	 * @param seed the seed
	 * @return the options
	 */
	public static SimulationOptions defaults(int size, long seed) {
		return new SimulationOptions(size, seed, 1e-4, 4.0, -1, 0.0, 0.03, 0.05);
	}

	/**
	 * Returns the number of entries to draw.
	 * @return the entry count
	 */
	public int entryCount() {
		return (this.sources >= 0) ? this.sources : (int) ((long) this.size * this.size / 2500);
	}

}
