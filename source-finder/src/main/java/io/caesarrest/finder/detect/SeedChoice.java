package io.caesarrest.finder.detect;

import java.util.Arrays;
import java.util.List;

/**
 * The seed threshold in use and its false-detection estimate: the number of islands the
 * same detection finds in the negated image at that threshold. Noise is symmetric, so the
 * negative islands count the noise peaks the positive detection also picks up; negative
 * sidelobes and artefacts of real images only make the estimate conservative.
 *
 * @param seedThreshold the seed threshold in sigma
 * @param reported the islands at or above it
 * @param falseEstimate the negative islands at or above it
 * @param fdr the target false discovery rate, 0 when the seed was fixed
 */
public record SeedChoice(double seedThreshold, int reported, int falseEstimate, double fdr) {

	private static final double STEP = 0.05;

	/**
	 * Returns the estimated fraction of false islands.
	 * @return false estimate over reported islands, 0 when nothing is reported
	 */
	public double estimatedFdr() {
		return (this.reported > 0) ? Math.min(1.0, (double) this.falseEstimate / this.reported) : 0;
	}

	/**
	 * Chooses the lowest seed threshold between two bounds (in steps of 0.05 sigma) from
	 * which up the estimated false discovery rate stays within the target; the upper
	 * bound when none does.
	 * @param positive the seed statistics of the islands found at the lower bound
	 * @param negative the seed statistics of the negative islands found at the lower
	 * bound
	 * @param lowest the lowest threshold
	 * @param highest the highest threshold
	 * @param fdr the target false discovery rate
	 * @return the choice
	 */
	public static SeedChoice choose(float[] positive, float[] negative, double lowest, double highest, double fdr) {
		float[] pos = sorted(positive);
		float[] neg = sorted(negative);
		double chosen = highest;
		int steps = (int) Math.floor((highest - lowest) / STEP + 1e-9);
		for (int s = steps; s >= 0; s--) {
			double threshold = (s == steps) ? highest : lowest + s * STEP;
			if (atOrAbove(neg, threshold) > fdr * atOrAbove(pos, threshold)) {
				break;
			}
			chosen = threshold;
		}
		return new SeedChoice(chosen, atOrAbove(pos, chosen), atOrAbove(neg, chosen), fdr);
	}

	/**
	 * Reports a fixed seed threshold with its false-detection estimate.
	 * @param positive the seed statistics of the islands found
	 * @param negative the seed statistics of the negative islands found
	 * @param threshold the seed threshold
	 * @return the choice
	 */
	public static SeedChoice fixed(float[] positive, float[] negative, double threshold) {
		return new SeedChoice(threshold, atOrAbove(sorted(positive), threshold), atOrAbove(sorted(negative), threshold),
				0);
	}

	/**
	 * Returns the seed statistics of islands.
	 * @param islands the islands
	 * @return their seeds
	 */
	public static float[] seeds(List<Island> islands) {
		float[] seeds = new float[islands.size()];
		for (int i = 0; i < seeds.length; i++) {
			seeds[i] = islands.get(i).seed();
		}
		return seeds;
	}

	private static float[] sorted(float[] values) {
		float[] copy = values.clone();
		Arrays.sort(copy);
		return copy;
	}

	private static int atOrAbove(float[] sorted, double threshold) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] < threshold) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return sorted.length - lo;
	}

}
