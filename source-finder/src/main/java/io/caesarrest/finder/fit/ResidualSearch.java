package io.caesarrest.finder.fit;

import java.util.Arrays;

/**
 * Adds components where the residual of a fit still has a peak inside the island (for
 * instance a faint source blended with a brighter neighbour), refitting after each
 * addition. A residual pixel at {@link #PROPOSAL_SIGMA} proposes a component there; the
 * refit keeps it only when
 * <ul>
 * <li>every component then reaches the seed threshold at its position, as an island's
 * peak must;</li>
 * <li>the chi-square falls by at least {@link #MIN_GAIN} of what an isolated source at
 * the seed would bring, so that a component that only takes flux from its neighbour is
 * not kept;</li>
 * <li>no two components are closer than a beam sigma, and the added one is not narrower
 * than {@link #MIN_WIDTH} of the beam: nothing in an image is sharper than the beam, so
 * such components model the non-Gaussian profile of one source (a real beam's sidelobes
 * and coma), not two sources.</li>
 * </ul>
 * The residual's significance counts the model error of a Gaussian fit to a real source
 * ({@link FitSettings#MODEL_ERROR}) besides the noise; the matched filter is not used
 * here, since near a bright source the residual is dominated by that model error, for
 * which the filter's noise calibration does not hold.
 */
final class ResidualSearch {

	/**
	 * Residual significance, in sigma, at which a component is tried: below the seed,
	 * because the fit of a neighbour takes part of a blended source's flux until both are
	 * fitted together.
	 */
	static final double PROPOSAL_SIGMA = 3.0;

	/**
	 * Share of an isolated seed-level source's chi-square drop that an added component
	 * must bring. Such a source, a beam-shaped Gaussian of amplitude {@code t} noise
	 * units, lowers the chi-square over independent pixels by {@code t^2} times the sum
	 * of the beam squared, half the beam area in pixels.
	 */
	static final double MIN_GAIN = 0.4;

	/**
	 * The smallest width an added component may have, as a fraction of the minor-axis
	 * sigma it starts from (0.95 of the beam's).
	 */
	static final double MIN_WIDTH = 0.7;

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
			if (next == null || !constraints.accepts(next.params()) || current.chi2() - next.chi2() < minimumGain(shape)
					|| !separated(next.params(), shape[1]) || !significant(next.params())
					|| narrow(next.params(), shape[1])) {
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

	private double minimumGain(double[] shape) {
		double seed = this.settings.seedThreshold();
		return MIN_GAIN * Math.PI * shape[0] * shape[1] * seed * seed;
	}

	/**
	 * Returns whether every component's amplitude reaches the seed threshold times the
	 * noise at its position.
	 */
	private boolean significant(double[] p) {
		for (int o = 0; o < p.length; o += GaussianModel.PARAMS) {
			if (p[o] < this.settings.seedThreshold() * this.region.noiseAt(p[o + 1], p[o + 2])) {
				return false;
			}
		}
		return true;
	}

	private static boolean narrow(double[] p, double beamSigmaMinor) {
		int o = p.length - GaussianModel.PARAMS;
		return Math.min(p[o + 3], p[o + 4]) < MIN_WIDTH * beamSigmaMinor;
	}

	private int residualPeak(double[] params) {
		double[] constants = GaussianModel.constants(params);
		int size = this.region.residual.length;
		double[] residual = new double[size];
		int best = -1;
		double bestSignificance = Math.min(PROPOSAL_SIGMA, this.settings.seedThreshold());
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
