package io.caesarrest.finder.fit;

/**
 * Turns fitted parameters of one component into a {@link GaussianComponent} with the
 * major axis first and errors from the covariance matrix.
 */
final class ComponentBuilder {

	private ComponentBuilder() {
	}

	static GaussianComponent build(LevenbergMarquardt.Solution solution, int o, boolean[] fixed, double errorScale) {
		double[] p = solution.params();
		int n = p.length;
		double[] cov = solution.covariance();
		double[] errors = new double[GaussianModel.PARAMS];
		for (int i = 0; i < GaussianModel.PARAMS; i++) {
			errors[i] = fixed[o + i] ? 0 : Math.sqrt(Math.max(0, cov[(o + i) * n + o + i])) * errorScale;
		}
		errors[5] = Math.toDegrees(errors[5]);
		double sx = p[o + 3];
		double sy = p[o + 4];
		double theta = Math.toDegrees(p[o + 5]);
		boolean swap = sy > sx;
		if (swap) {
			theta += 90;
			double e = errors[3];
			errors[3] = errors[4];
			errors[4] = e;
		}
		theta = theta % 180;
		theta = (theta < 0) ? theta + 180 : theta;
		double integralError = integralError(p, cov, o, n, fixed) * errorScale;
		return new GaussianComponent(p[o], p[o + 1], p[o + 2], Math.max(sx, sy), Math.min(sx, sy), theta, errors,
				integralError);
	}

	private static double integralError(double[] p, double[] cov, int o, int n, boolean[] fixed) {
		double[] g = new double[GaussianModel.PARAMS];
		g[0] = 2 * Math.PI * p[o + 3] * p[o + 4];
		g[3] = fixed[o + 3] ? 0 : 2 * Math.PI * p[o] * p[o + 4];
		g[4] = fixed[o + 4] ? 0 : 2 * Math.PI * p[o] * p[o + 3];
		double variance = 0;
		for (int i = 0; i < GaussianModel.PARAMS; i++) {
			for (int j = 0; j < GaussianModel.PARAMS; j++) {
				variance += g[i] * g[j] * cov[(o + i) * n + o + j];
			}
		}
		return Math.sqrt(Math.max(0, variance));
	}

}
