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
 * @param noise how the noise is correlated
 */
public record SimulationOptions(int size, long seed, double rms, double beamPixels, int sources, double background,
		double extended, double pairs, NoiseModel noise) {

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
		if (noise == null) {
			throw new IllegalArgumentException("noise model is required");
		}
	}

	/**
	 * Creates options with noise whose autocorrelation is the beam.
	 * @param size image side in pixels
	 * @param seed random seed
	 * @param rms noise standard deviation in Jy/beam
	 * @param beamPixels beam FWHM in pixels
	 * @param sources number of entries, negative for one per 2500 pixels
	 * @param background amplitude of the smooth background in Jy/beam
	 * @param extended fraction of resolved Gaussians
	 * @param pairs fraction of close pairs
	 */
	public SimulationOptions(int size, long seed, double rms, double beamPixels, int sources, double background,
			double extended, double pairs) {
		this(size, seed, rms, beamPixels, sources, background, extended, pairs, NoiseModel.BEAM);
	}

	/**
	 * Returns a copy with another noise model.
	 * @param model the noise model
	 * @return the new options
	 */
	public SimulationOptions withNoise(NoiseModel model) {
		return new SimulationOptions(this.size, this.seed, this.rms, this.beamPixels, this.sources, this.background,
				this.extended, this.pairs, model);
	}

	/**
	 * Returns a copy with another beam and entry count.
	 * @param beam the beam FWHM in pixels
	 * @param entries the number of entries, negative for one per 2500 pixels
	 * @return the new options
	 */
	public SimulationOptions withBeam(double beam, int entries) {
		return new SimulationOptions(this.size, this.seed, this.rms, beam, entries, this.background, this.extended,
				this.pairs, this.noise);
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
