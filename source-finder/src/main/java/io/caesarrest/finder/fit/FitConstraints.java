package io.caesarrest.finder.fit;

/**
 * Keeps parameters in range during the fit (positive amplitude and widths, centres inside
 * the fit region) and decides whether a solution is acceptable.
 */
final class FitConstraints {

	private final FitRegion region;

	private final double minSigma;

	private final double maxSigma;

	FitConstraints(FitRegion region, double minSigma) {
		this.region = region;
		this.minSigma = Math.max(0.3, minSigma);
		this.maxSigma = Math.max(region.width, region.height);
	}

	void apply(double[] p) {
		for (int o = 0; o < p.length; o += GaussianModel.PARAMS) {
			p[o] = Math.max(p[o], 1e-30);
			p[o + 1] = clamp(p[o + 1], this.region.x0 - 0.5, this.region.x0 + this.region.width - 0.5);
			p[o + 2] = clamp(p[o + 2], this.region.y0 - 0.5, this.region.y0 + this.region.height - 0.5);
			p[o + 3] = clamp(Math.abs(p[o + 3]), this.minSigma, this.maxSigma);
			p[o + 4] = clamp(Math.abs(p[o + 4]), this.minSigma, this.maxSigma);
		}
	}

	boolean accepts(double[] p) {
		for (int o = 0; o < p.length; o += GaussianModel.PARAMS) {
			for (int i = 0; i < GaussianModel.PARAMS; i++) {
				if (!Double.isFinite(p[o + i])) {
					return false;
				}
			}
			boolean inside = p[o + 1] > this.region.x0 - 0.5 && p[o + 1] < this.region.x0 + this.region.width - 0.5
					&& p[o + 2] > this.region.y0 - 0.5 && p[o + 2] < this.region.y0 + this.region.height - 0.5;
			boolean sized = p[o + 3] < this.maxSigma * 0.99 && p[o + 4] < this.maxSigma * 0.99;
			if (!inside || !sized || !(p[o] > 1e-29)) {
				return false;
			}
		}
		return true;
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}
