package io.caesarrest.finder.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the initial components of an island: local maxima above the seed threshold,
 * brightest first, each separated from every brighter one by a significant dip.
 */
final class ComponentSeeder {

	private static final double DIP_SIGMA = 3.0;

	private final double seedThreshold;

	private final int maxComponents;

	ComponentSeeder(double seedThreshold, int maxComponents) {
		this.seedThreshold = seedThreshold;
		this.maxComponents = Math.max(1, maxComponents);
	}

	/**
	 * Returns the region indices of the chosen peaks, brightest first (at least the
	 * island peak).
	 */
	List<Integer> peaks(FitRegion region) {
		List<Integer> candidates = new ArrayList<>();
		for (int k = 0; k < region.residual.length; k++) {
			if (region.inIsland[k] && isLocalMax(region, k)) {
				candidates.add(k);
			}
		}
		candidates.sort(Comparator.comparingDouble((Integer k) -> -region.residual[k]));
		List<Integer> peaks = new ArrayList<>();
		for (int k : candidates) {
			boolean seed = region.residual[k] >= this.seedThreshold * region.noise[k];
			if (peaks.size() < this.maxComponents && (peaks.isEmpty() || (seed && separated(region, k, peaks)))) {
				peaks.add(k);
			}
		}
		return peaks;
	}

	private boolean isLocalMax(FitRegion region, int k) {
		int x = k % region.width;
		int y = k / region.width;
		float value = region.residual[k];
		for (int dy = -1; dy <= 1; dy++) {
			for (int dx = -1; dx <= 1; dx++) {
				int nx = x + dx;
				int ny = y + dy;
				if ((dx != 0 || dy != 0) && nx >= 0 && ny >= 0 && nx < region.width && ny < region.height
						&& region.inIsland[ny * region.width + nx] && region.residual[ny * region.width + nx] > value) {
					return false;
				}
			}
		}
		return true;
	}

	private boolean separated(FitRegion region, int k, List<Integer> brighter) {
		for (int other : brighter) {
			double dip = region.residual[k] - lineMinimum(region, k, other);
			if (dip < DIP_SIGMA * FitSettings.residualError(region.noise[k], region.residual[k])) {
				return false;
			}
		}
		return true;
	}

	private double lineMinimum(FitRegion region, int from, int to) {
		double x0 = from % region.width;
		double y0 = from / region.width;
		double x1 = to % region.width;
		double y1 = to / region.width;
		int steps = (int) Math.ceil(2 * Math.hypot(x1 - x0, y1 - y0));
		double min = Double.POSITIVE_INFINITY;
		for (int s = 0; s <= steps; s++) {
			double t = (steps == 0) ? 0 : (double) s / steps;
			int x = (int) Math.round(x0 + t * (x1 - x0));
			int y = (int) Math.round(y0 + t * (y1 - y0));
			float value = region.residual[y * region.width + x];
			if (Float.isFinite(value)) {
				min = Math.min(min, value);
			}
		}
		return min;
	}

}
