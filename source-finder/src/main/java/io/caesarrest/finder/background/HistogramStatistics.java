package io.caesarrest.finder.background;

/**
 * Sigma-clipped median and MAD-based sigma from a fine histogram: a rough estimate from a
 * subsample sets the histogram range, then median and MAD are read from cumulative counts
 * in linear time, without sorting or selecting the full sample.
 */
final class HistogramStatistics {

	private static final int BINS = 1000;

	private static final double HALF_RANGE_SIGMA = 6.0;

	private static final double MAD_TO_SIGMA = 1.4826;

	private static final int SUBSAMPLE = 128;

	private final double[] cumulative = new double[BINS + 1];

	private final float[] subsample = new float[SUBSAMPLE];

	private final float[] scratch = new float[SUBSAMPLE];

	private double truncationClip = Double.NaN;

	private double truncation;

	/**
	 * Returns {median, sigma} of the first {@code n} values, clipped at {@code clip}
	 * sigma.
	 */
	double[] clippedMedianSigma(float[] values, int n, double clip, int iterations) {
		double[] rough = rough(values, n);
		if (!(rough[1] > 0)) {
			return RobustStatistics.clippedMedianSigma(values, n, new float[n], clip, iterations);
		}
		double low = rough[0] - HALF_RANGE_SIGMA * rough[1];
		double width = 2 * HALF_RANGE_SIGMA * rough[1] / BINS;
		fill(values, n, low, width);
		double median = rough[0];
		double sigma = rough[1];
		for (int iteration = 0; iteration <= iterations; iteration++) {
			double from = Math.max(low, median - clip * sigma);
			double to = Math.min(low + BINS * width, median + clip * sigma);
			median = quantile(from, to, 0.5, low, width);
			sigma = (iteration < iterations) ? MAD_TO_SIGMA * mad(median, from, to, low, width)
					: clippedDeviation(median, from, to, low, width) / truncation(clip);
		}
		return new double[] { median, sigma };
	}

	/**
	 * Returns the standard deviation about the median of the values between two bounds,
	 * from the bin counts at bin centres. As an estimate of a Gaussian's sigma it is
	 * about twice as efficient as the MAD (a smoother noise map, so fewer noise peaks
	 * over the threshold), and like SExtractor's, BANE's and PyBDSF's clipped deviation
	 * it counts the non-Gaussian wings of real images (confusion, sidelobes) in the
	 * noise.
	 */
	private double clippedDeviation(double median, double from, double to, double low, double width) {
		int first = Math.max(1, (int) Math.ceil((from - low) / width - 0.5) + 1);
		int last = Math.min(BINS, (int) Math.floor((to - low) / width - 0.5) + 1);
		double sum = 0;
		double count = 0;
		for (int b = first; b <= last; b++) {
			double n = this.cumulative[b] - this.cumulative[b - 1];
			double d = low + (b - 0.5) * width - median;
			sum += n * d * d;
			count += n;
		}
		return (count > 1) ? Math.sqrt(sum / count) : Double.NaN;
	}

	private double truncation(double clip) {
		if (clip != this.truncationClip) {
			this.truncationClip = clip;
			this.truncation = truncatedDeviation(clip);
		}
		return this.truncation;
	}

	/**
	 * Returns the standard deviation of a unit Gaussian truncated at plus and minus
	 * {@code clip}.
	 */
	static double truncatedDeviation(double clip) {
		int steps = 2000;
		double h = clip / steps;
		double moment = 0;
		double mass = 0;
		for (int i = 0; i < steps; i++) {
			double x = (i + 0.5) * h;
			double density = Math.exp(-0.5 * x * x);
			moment += x * x * density;
			mass += density;
		}
		return Math.sqrt(moment / mass);
	}

	private double[] rough(float[] values, int n) {
		int step = Math.max(1, n / SUBSAMPLE);
		int m = 0;
		for (int i = 0; i < n && m < SUBSAMPLE; i += step) {
			this.subsample[m++] = values[i];
		}
		return RobustStatistics.clippedMedianSigma(this.subsample, m, this.scratch, 3, 1);
	}

	private void fill(float[] values, int n, double low, double width) {
		double[] counts = new double[BINS + 2];
		double inverse = 1 / width;
		for (int i = 0; i < n; i++) {
			// floor without Math.floor, which the client compiler does not inline: a
			// negative offset goes to the underflow bin either way
			double offset = (values[i] - low) * inverse;
			int bin = (offset < 0) ? 0 : (int) offset + 1;
			counts[Math.max(0, Math.min(BINS + 1, bin))]++;
		}
		this.cumulative[0] = counts[0];
		for (int b = 1; b <= BINS; b++) {
			this.cumulative[b] = this.cumulative[b - 1] + counts[b];
		}
	}

	/** Counts values below {@code x} (interpolated within bins). */
	private double below(double x, double low, double width) {
		double f = (x - low) / width;
		if (f <= 0) {
			return this.cumulative[0];
		}
		if (f >= BINS) {
			return this.cumulative[BINS];
		}
		int b = (int) f;
		double start = this.cumulative[b];
		double binCount = this.cumulative[b + 1] - start;
		return start + (f - b) * binCount;
	}

	private double quantile(double from, double to, double q, double low, double width) {
		double target = below(from, low, width) + q * (below(to, low, width) - below(from, low, width));
		double a = from;
		double b = to;
		for (int i = 0; i < 40; i++) {
			double mid = 0.5 * (a + b);
			if (below(mid, low, width) < target) {
				a = mid;
			}
			else {
				b = mid;
			}
		}
		return 0.5 * (a + b);
	}

	private double mad(double median, double from, double to, double low, double width) {
		double total = below(to, low, width) - below(from, low, width);
		double a = 0;
		double b = Math.max(median - from, to - median);
		for (int i = 0; i < 40; i++) {
			double r = 0.5 * (a + b);
			double inside = below(Math.min(to, median + r), low, width) - below(Math.max(from, median - r), low, width);
			if (inside < 0.5 * total) {
				a = r;
			}
			else {
				b = r;
			}
		}
		return 0.5 * (a + b);
	}

}
