package io.caesarrest.finder.fit;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

import io.caesarrest.finder.detect.MatchedFilter;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Adds components where the residual of a fit still has a seed-level peak inside the
 * island (for instance a faint source blended with a bright neighbour), refitting after
 * each addition. A peak is seed-level in pixel significance or, when a matched filter is
 * given, in the filtered significance of the residual at the residual's local maxima.
 */
final class ResidualSearch {

	private final FitRegion region;

	private final FitData data;

	private final FitSettings settings;

	private final MatchedFilter filter;

	private final FitsImage image;

	ResidualSearch(FitRegion region, FitData data, FitSettings settings, MatchedFilter filter, FitsImage image) {
		this.region = region;
		this.data = data;
		this.settings = settings;
		this.filter = filter;
		this.image = image;
	}

	LevenbergMarquardt.Solution extend(LevenbergMarquardt.Solution solution, FitConstraints constraints,
			double[] shape) {
		LevenbergMarquardt.Solution current = solution;
		while (current.params().length / GaussianModel.PARAMS < this.settings.maxComponents()) {
			int peak = residualPeak(current.params());
			if (peak < 0 || this.data.size() <= current.params().length + GaussianModel.PARAMS) {
				return current;
			}
			double[] start = Arrays.copyOf(current.params(), current.params().length + GaussianModel.PARAMS);
			int o = current.params().length;
			start[o] = residual(peak, current.params(), GaussianModel.constants(current.params()));
			start[o + 1] = this.region.x0 + peak % this.region.width;
			start[o + 2] = this.region.y0 + peak / this.region.width;
			System.arraycopy(shape, 0, start, o + 3, 3);
			LevenbergMarquardt.Solution next = LevenbergMarquardt.fit(this.data, start, new boolean[start.length],
					constraints::apply);
			if (next == null || !constraints.accepts(next.params()) || next.chi2() >= current.chi2()) {
				return current;
			}
			current = next;
		}
		return current;
	}

	private int residualPeak(double[] params) {
		double[] constants = GaussianModel.constants(params);
		int size = this.region.residual.length;
		double[] residual = new double[size];
		int best = -1;
		double bestSignificance = this.settings.seedThreshold();
		for (int k = 0; k < size; k++) {
			if (this.region.inIsland[k]) {
				residual[k] = residual(k, params, constants);
				double significance = residual[k] / this.region.noise[k];
				if (significance >= bestSignificance) {
					bestSignificance = significance;
					best = k;
				}
			}
			else {
				residual[k] = Double.NaN;
			}
		}
		return (best >= 0 || this.filter == null) ? best : filteredPeak(residual, params, constants);
	}

	/**
	 * Returns the residual local maximum with the highest filtered significance at or
	 * above the seed threshold, or -1; only maxima that a point source at that level
	 * could give (pixel significance above seed / gain - 1) are filtered.
	 */
	private int filteredPeak(double[] residual, double[] params, double[] constants) {
		double floor = this.settings.seedThreshold() / this.filter.gain() - 1;
		DoubleBinaryOperator model = (x, y) -> GaussianModel.evaluate(params, constants, x, y, null);
		int best = -1;
		double bestSignificance = this.settings.seedThreshold();
		for (int k = 0; k < residual.length; k++) {
			if (residual[k] >= floor * this.region.noise[k] && isLocalMax(residual, k)) {
				int x = this.region.x0 + k % this.region.width;
				int y = this.region.y0 + k / this.region.width;
				float value = this.image.get(x, y);
				double significance = this.filter.residualSignificance(this.image, x, y,
						value - this.region.residual[k], this.region.noise[k], model);
				if (significance >= bestSignificance) {
					bestSignificance = significance;
					best = k;
				}
			}
		}
		return best;
	}

	private boolean isLocalMax(double[] residual, int k) {
		int x = k % this.region.width;
		int y = k / this.region.width;
		for (int dy = -1; dy <= 1; dy++) {
			for (int dx = -1; dx <= 1; dx++) {
				int nx = x + dx;
				int ny = y + dy;
				if (nx >= 0 && ny >= 0 && nx < this.region.width && ny < this.region.height
						&& residual[ny * this.region.width + nx] > residual[k]) {
					return false;
				}
			}
		}
		return true;
	}

	private double residual(int k, double[] params, double[] constants) {
		double x = this.region.x0 + k % this.region.width;
		double y = this.region.y0 + k / this.region.width;
		return this.region.residual[k] - GaussianModel.evaluate(params, constants, x, y, null);
	}

}
