package io.caesarrest.finder.background;

/**
 * Sigma-clipped median and MAD-based standard deviation using quickselect, without
 * sorting.
 */
public final class RobustStatistics {

	private static final double MAD_TO_SIGMA = 1.4826;

	private RobustStatistics() {
	}

	/**
	 * Computes sigma-clipped location and scale of the first {@code count} values; the
	 * array is reordered and {@code scratch} is overwritten.
	 * @param values the sample values (finite), reordered in place
	 * @param count the number of valid values
	 * @param scratch a buffer at least {@code count} long
	 * @param clip the clipping threshold in sigma
	 * @param iterations the number of clipping iterations
	 * @return {median, sigma}, or NaNs when fewer than 2 values
	 */
	public static double[] clippedMedianSigma(float[] values, int count, float[] scratch, double clip, int iterations) {
		if (count < 2) {
			return new double[] { Double.NaN, Double.NaN };
		}
		int n = count;
		double median = 0;
		double sigma = 0;
		for (int iteration = 0; iteration <= iterations; iteration++) {
			median = median(values, n);
			for (int i = 0; i < n; i++) {
				scratch[i] = Math.abs(values[i] - (float) median);
			}
			sigma = MAD_TO_SIGMA * median(scratch, n);
			int kept = clipInPlace(values, n, median, clip * sigma);
			if (kept == n || kept < 2 || sigma == 0) {
				break;
			}
			n = kept;
		}
		return new double[] { median, sigma };
	}

	private static int clipInPlace(float[] values, int n, double median, double limit) {
		int kept = 0;
		for (int i = 0; i < n; i++) {
			if (Math.abs(values[i] - median) <= limit) {
				values[kept++] = values[i];
			}
		}
		return kept;
	}

	/**
	 * Returns the median of the first {@code n} values, reordering them.
	 * @param values the values
	 * @param n the count
	 * @return the median
	 */
	public static double median(float[] values, int n) {
		int mid = n / 2;
		float upper = select(values, n, mid);
		if (n % 2 == 1) {
			return upper;
		}
		float lower = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < mid; i++) {
			lower = Math.max(lower, values[i]);
		}
		return 0.5 * (lower + upper);
	}

	/**
	 * Returns the k-th smallest of the first {@code n} values (Hoare quickselect);
	 * afterwards the values before index k are not larger than it.
	 * @param values the values
	 * @param n the count
	 * @param k the rank (0-based)
	 * @return the k-th smallest value
	 */
	public static float select(float[] values, int n, int k) {
		int left = 0;
		int right = n - 1;
		while (left < right) {
			float pivot = values[(left + right) >>> 1];
			int i = left;
			int j = right;
			while (i <= j) {
				while (values[i] < pivot) {
					i++;
				}
				while (values[j] > pivot) {
					j--;
				}
				if (i <= j) {
					float t = values[i];
					values[i++] = values[j];
					values[j--] = t;
				}
			}
			if (k <= j) {
				right = j;
			}
			else if (k >= i) {
				left = i;
			}
			else {
				break;
			}
		}
		return values[k];
	}

}
