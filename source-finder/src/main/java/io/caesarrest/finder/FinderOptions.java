package io.caesarrest.finder;

/**
 * Options of a finder run.
 *
 * @param seedThreshold seed threshold in sigma
 * @param mergeThreshold merge (flood fill) threshold in sigma
 * @param boxSizeBeams background box size in beams (major FWHM)
 * @param minPixels minimum island size in pixels
 * @param filter whether pixels may also seed an island through the matched filter
 * @param fit whether to fit Gaussian components
 * @param maxComponents maximum number of components per island
 * @param threads number of worker threads
 * @param plot whether to write the PNG plot
 * @param regions whether to write the DS9 region file
 * @param votable whether to write the VOTable
 * @param fdr the false discovery rate the seed threshold is chosen for (0 for a fixed
 * seed at {@code seedThreshold}); the seed is then the lowest between
 * {@value #MIN_AUTO_SEED} sigma and {@code seedThreshold} at which the estimated fraction
 * of false islands stays within it
 */
public record FinderOptions(double seedThreshold, double mergeThreshold, double boxSizeBeams, int minPixels,
		boolean filter, boolean fit, int maxComponents, int threads, boolean plot, boolean regions, boolean votable,
		double fdr) {

	/** Background box size in pixels used when the image has no beam. */
	public static final int FALLBACK_BOX_PIXELS = 64;

	/** The lowest seed threshold, in sigma, that the false discovery rate may choose. */
	public static final double MIN_AUTO_SEED = 4.0;

	/** The default false discovery rate: reliability 0.99. */
	public static final double DEFAULT_FDR = 0.01;

	/**
	 * Validates the options.
	 * @throws IllegalArgumentException if a value is out of range
	 */
	public FinderOptions {
		require(seedThreshold >= 1 && seedThreshold <= 100, "seedthr must be in [1, 100]");
		require(mergeThreshold >= 0.5 && mergeThreshold <= seedThreshold, "mergethr must be in [0.5, seedthr]");
		require(boxSizeBeams >= 2 && boxSizeBeams <= 1000, "boxsize must be in [2, 1000] beams");
		require(minPixels >= 1 && minPixels <= 100000, "npixmin must be in [1, 100000]");
		require(maxComponents >= 1 && maxComponents <= 20, "maxcomponents must be in [1, 20]");
		require(threads >= 1 && threads <= 1024, "nthreads must be in [1, 1024]");
		require(fdr >= 0 && fdr <= 0.5, "fdr must be in [0, 0.5]");
	}

	/**
	 * Returns the default options.
	 * @return the defaults
	 */
	public static FinderOptions defaults() {
		return new FinderOptions(5.0, 2.6, 20, 5, true, true, 5, Runtime.getRuntime().availableProcessors(), true, true,
				true, DEFAULT_FDR);
	}

	/**
	 * Returns a copy with other thresholds.
	 * @param seed the seed threshold
	 * @param merge the merge threshold
	 * @return the new options
	 */
	public FinderOptions withThresholds(double seed, double merge) {
		return new FinderOptions(seed, merge, this.boxSizeBeams, this.minPixels, this.filter, this.fit,
				this.maxComponents, this.threads, this.plot, this.regions, this.votable, this.fdr);
	}

	/**
	 * Returns a copy with another false discovery rate (0 for a fixed seed).
	 * @param rate the false discovery rate
	 * @return the new options
	 */
	public FinderOptions withFdr(double rate) {
		return new FinderOptions(this.seedThreshold, this.mergeThreshold, this.boxSizeBeams, this.minPixels,
				this.filter, this.fit, this.maxComponents, this.threads, this.plot, this.regions, this.votable, rate);
	}

	/**
	 * Returns whether the seed threshold is chosen from the false discovery rate.
	 * @return {@code true} when {@code fdr > 0}
	 */
	public boolean automaticSeed() {
		return this.fdr > 0;
	}

	/**
	 * Returns a copy with the optional outputs switched on or off together.
	 * @param enabled whether to write plot, regions and VOTable
	 * @return the new options
	 */
	public FinderOptions withExtraOutputs(boolean enabled) {
		return new FinderOptions(this.seedThreshold, this.mergeThreshold, this.boxSizeBeams, this.minPixels,
				this.filter, this.fit, this.maxComponents, this.threads, enabled, enabled, enabled, this.fdr);
	}

	/**
	 * Returns a copy with the matched filter seed test on or off.
	 * @param enabled whether to use the matched filter
	 * @return the new options
	 */
	public FinderOptions withFilter(boolean enabled) {
		return new FinderOptions(this.seedThreshold, this.mergeThreshold, this.boxSizeBeams, this.minPixels, enabled,
				this.fit, this.maxComponents, this.threads, this.plot, this.regions, this.votable, this.fdr);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
