package io.caesarrest.finder.fit;

import java.util.Arrays;

/**
 * Adds components where the residual of a fit still has a seed-level peak inside the
 * island (for instance a faint source blended with a bright neighbour), refitting after
 * each addition. The residual's significance counts the model error of a Gaussian fit to
 * a real source ({@link FitSettings#MODEL_ERROR}) besides the noise; the matched filter
 * is not used here, since near a bright source the residual is dominated by that model
 * error, for which the filter's noise calibration does not hold.
 */
final class ResidualSearch {

	private final FitRegion region;

	private final FitData data;

	private final FitSettings settings;

	ResidualSearch(FitRegion region, FitData data, FitSettings settings) {
		this.region = region;
		this.data = data;
		this.settings = settings;
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
			if (next == null || !constraints.accepts(next.params()) || next.chi2() >= current.chi2()
					|| !separated(next.params(), shape[1])) {
				return current;
			}
			current = next;
		}
		return current;
	}

	/**
	 * Returns whether every two components are at least a beam sigma apart: closer ones
	 * model a non-Gaussian profile of one source, not two sources.
	 */
	private static boolean separated(double[] p, double minimum) {
		for (int a = 0; a < p.length; a += GaussianModel.PARAMS) {
			for (int b = a + GaussianModel.PARAMS; b < p.length; b += GaussianModel.PARAMS) {
				if (Math.hypot(p[a + 1] - p[b + 1], p[a + 2] - p[b + 2]) < minimum) {
					return false;
				}
			}
		}
		return true;
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
				double model = this.region.residual[k] - residual[k];
				double significance = residual[k] / FitSettings.residualError(this.region.noise[k], model);
				if (significance >= bestSignificance) {
					bestSignificance = significance;
					best = k;
				}
			}
			else {
				residual[k] = Double.NaN;
			}
		}
		return best;
	}

	private double residual(int k, double[] params, double[] constants) {
		double x = this.region.x0 + k % this.region.width;
		double y = this.region.y0 + k / this.region.width;
		return this.region.residual[k] - GaussianModel.evaluate(params, constants, x, y, null);
	}

}
