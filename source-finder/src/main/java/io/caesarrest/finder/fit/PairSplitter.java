package io.caesarrest.finder.fit;

/**
 * Tries two beam-shaped components in place of one resolved Gaussian. Two point sources
 * one or two beams apart rarely show two peaks or a dip, so the free fit makes one
 * elongated Gaussian of them; two beam-shaped components have as many free parameters
 * (amplitude and position each), so the better fit wins when both components reach the
 * seed threshold.
 */
final class PairSplitter {

	private final FitRegion region;

	private final FitData data;

	private final FitSettings settings;

	private final double beamSigmaMajor;

	private final double beamSigmaMinor;

	PairSplitter(FitRegion region, FitData data, FitSettings settings, double beamSigmaMajor, double beamSigmaMinor) {
		this.region = region;
		this.data = data;
		this.settings = settings;
		this.beamSigmaMajor = beamSigmaMajor;
		this.beamSigmaMinor = beamSigmaMinor;
	}

	/**
	 * Returns the two-component solution when it fits better than the single resolved
	 * component and both components are significant, otherwise the single one.
	 */
	LevenbergMarquardt.Solution split(LevenbergMarquardt.Solution single, FitConstraints constraints) {
		double[] p = single.params();
		if (p.length != GaussianModel.PARAMS || this.data.size() <= 2 * GaussianModel.PARAMS) {
			return single;
		}
		boolean xMajor = p[3] >= p[4];
		double major = Math.max(p[3], p[4]);
		double angle = xMajor ? p[5] : p[5] + Math.PI / 2;
		double offset = Math.sqrt(Math.max(0.25, major * major - this.beamSigmaMajor * this.beamSigmaMajor));
		double theta = Math.toRadians(this.settings.beamThetaDeg());
		double[] start = new double[2 * GaussianModel.PARAMS];
		for (int c = 0; c < 2; c++) {
			int o = c * GaussianModel.PARAMS;
			double sign = (c == 0) ? 1 : -1;
			start[o] = 0.6 * p[0];
			start[o + 1] = p[1] + sign * offset * Math.cos(angle);
			start[o + 2] = p[2] + sign * offset * Math.sin(angle);
			start[o + 3] = this.beamSigmaMajor;
			start[o + 4] = this.beamSigmaMinor;
			start[o + 5] = theta;
		}
		boolean[] fixed = { false, false, false, true, true, true, false, false, false, true, true, true };
		LevenbergMarquardt.Solution pair = LevenbergMarquardt.fit(this.data, start, fixed, constraints::apply);
		if (pair == null || !constraints.accepts(pair.params()) || pair.chi2() >= single.chi2()) {
			return single;
		}
		return (significant(pair.params(), 0) && significant(pair.params(), GaussianModel.PARAMS)) ? pair : single;
	}

	private boolean significant(double[] p, int o) {
		double separation = Math.hypot(p[1] - p[GaussianModel.PARAMS + 1], p[2] - p[GaussianModel.PARAMS + 2]);
		return p[o] >= this.settings.seedThreshold() * this.region.noiseAt(p[o + 1], p[o + 2])
				&& separation >= this.beamSigmaMinor;
	}

}
