package io.caesarrest.finder.fit;

/**
 * Sum of elliptical Gaussians with parameters {A, x0, y0, sx, sy, theta(rad)} per
 * component, with analytic derivatives.
 */
final class GaussianModel {

	static final int PARAMS = 6;

	private GaussianModel() {
	}

	private static final int CACHED = 6;

	/**
	 * Returns per-component constants {cos, sin, 1/sx^2, 1/sy^2, 1/sx, 1/sy}, computed
	 * once per parameter set rather than once per pixel.
	 */
	static double[] constants(double[] p) {
		double[] cache = new double[CACHED * (p.length / PARAMS)];
		for (int c = 0; c < p.length / PARAMS; c++) {
			int o = c * PARAMS;
			int k = c * CACHED;
			cache[k] = Math.cos(p[o + 5]);
			cache[k + 1] = Math.sin(p[o + 5]);
			cache[k + 4] = 1 / p[o + 3];
			cache[k + 5] = 1 / p[o + 4];
			cache[k + 2] = cache[k + 4] * cache[k + 4];
			cache[k + 3] = cache[k + 5] * cache[k + 5];
		}
		return cache;
	}

	/**
	 * Evaluates the model and, when {@code gradient} is not null, its derivatives at a
	 * pixel.
	 */
	static double evaluate(double[] p, double[] cache, double px, double py, double[] gradient) {
		double total = 0;
		for (int c = 0, k = 0; c < p.length; c += PARAMS, k += CACHED) {
			double dx = px - p[c + 1];
			double dy = py - p[c + 2];
			double cos = cache[k];
			double sin = cache[k + 1];
			double a = cache[k + 2];
			double b = cache[k + 3];
			double u = dx * cos + dy * sin;
			double v = -dx * sin + dy * cos;
			double e = Math.exp(-0.5 * (u * u * a + v * v * b));
			double f = p[c] * e;
			total += f;
			if (gradient != null) {
				double ua = u * a;
				double vb = v * b;
				gradient[c] = e;
				gradient[c + 1] = f * (ua * cos - vb * sin);
				gradient[c + 2] = f * (ua * sin + vb * cos);
				gradient[c + 3] = f * u * ua * cache[k + 4];
				gradient[c + 4] = f * v * vb * cache[k + 5];
				gradient[c + 5] = f * u * v * (b - a);
			}
		}
		return total;
	}

}
