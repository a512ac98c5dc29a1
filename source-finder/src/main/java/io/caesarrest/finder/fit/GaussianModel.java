package io.caesarrest.finder.fit;

/**
 * Sum of elliptical Gaussians with parameters {A, x0, y0, sx, sy, theta(rad)} per
 * component, with analytic derivatives.
 */
final class GaussianModel {

	static final int PARAMS = 6;

	private GaussianModel() {
	}

	/**
	 * Evaluates the model and, when {@code gradient} is not null, its derivatives at a
	 * pixel.
	 */
	static double evaluate(double[] p, double px, double py, double[] gradient) {
		double total = 0;
		for (int c = 0; c < p.length; c += PARAMS) {
			double amplitude = p[c];
			double dx = px - p[c + 1];
			double dy = py - p[c + 2];
			double sx = p[c + 3];
			double sy = p[c + 4];
			double cos = Math.cos(p[c + 5]);
			double sin = Math.sin(p[c + 5]);
			double u = dx * cos + dy * sin;
			double v = -dx * sin + dy * cos;
			double sx2 = sx * sx;
			double sy2 = sy * sy;
			double e = Math.exp(-0.5 * (u * u / sx2 + v * v / sy2));
			double f = amplitude * e;
			total += f;
			if (gradient != null) {
				gradient[c] = e;
				gradient[c + 1] = f * (u * cos / sx2 - v * sin / sy2);
				gradient[c + 2] = f * (u * sin / sx2 + v * cos / sy2);
				gradient[c + 3] = f * u * u / (sx2 * sx);
				gradient[c + 4] = f * v * v / (sy2 * sy);
				gradient[c + 5] = f * u * v * (1 / sy2 - 1 / sx2);
			}
		}
		return total;
	}

}
