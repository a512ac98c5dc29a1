package io.caesarrest.finder.fit;

import java.util.function.Consumer;

/**
 * Levenberg-Marquardt least squares for {@link GaussianModel}, with a constraint hook
 * applied after every step.
 */
final class LevenbergMarquardt {

	private static final int MAX_ITERATIONS = 60;

	private static final double TOLERANCE = 1e-4;

	/**
	 * A step that lowers chi-square by less than this moves the parameters by under a
	 * tenth of their errors: the fit has converged.
	 */
	private static final double CHI2_TOLERANCE = 0.01;

	private LevenbergMarquardt() {
	}

	/**
	 * Fits the model; returns null when the normal matrix is singular at the solution.
	 */
	static Solution fit(FitData data, double[] start, boolean[] fixed, Consumer<double[]> constrain) {
		double[] p = start.clone();
		Normal normal = normal(data, p, fixed);
		double lambda = 1e-3;
		for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
			double[] trial = trial(normal, p, lambda);
			if (trial == null) {
				lambda *= 10;
				continue;
			}
			constrain.accept(trial);
			Normal next = normal(data, trial, fixed);
			double change = normal.chi2 - next.chi2;
			if (change >= 0) {
				p = trial;
				normal = next;
				lambda = Math.max(lambda / 10, 1e-9);
			}
			else {
				lambda *= 10;
			}
			if (Math.abs(change) <= Math.max(TOLERANCE * next.chi2, CHI2_TOLERANCE) || lambda > 1e10) {
				break;
			}
		}
		double[] covariance = LinearAlgebra.inverse(damp(normal.matrix, p.length, 1e-9), p.length);
		return (covariance != null) ? new Solution(p, covariance, normal.chi2) : null;
	}

	/**
	 * Returns the parameters after one damped Gauss-Newton step, or null if the damped
	 * matrix is not positive definite.
	 */
	private static double[] trial(Normal normal, double[] p, double lambda) {
		int n = p.length;
		double[] l = LinearAlgebra.cholesky(damp(normal.matrix, n, lambda), n);
		if (l == null) {
			return null;
		}
		double[] step = LinearAlgebra.solve(l, n, normal.gradient);
		double[] trial = p.clone();
		for (int i = 0; i < n; i++) {
			trial[i] += step[i];
		}
		return trial;
	}

	private static double[] damp(double[] matrix, int n, double lambda) {
		double max = 0;
		for (int i = 0; i < n; i++) {
			max = Math.max(max, matrix[i * n + i]);
		}
		double[] damped = matrix.clone();
		for (int i = 0; i < n; i++) {
			damped[i * n + i] = matrix[i * n + i] * (1 + lambda) + lambda * 1e-9 * max;
		}
		return damped;
	}

	/**
	 * Returns the normal equations at {@code p}: the free parameters' entries summed over
	 * the pixels (lower triangle, packed, so that the client compiler's loop does no
	 * index arithmetic and skips the fixed parameters), then spread into the full matrix,
	 * with 1 on the diagonal and 0 elsewhere for the fixed ones.
	 */
	private static Normal normal(FitData data, double[] p, boolean[] fixed) {
		int n = p.length;
		int[] free = freeIndices(fixed);
		int m = free.length;
		double[] packed = new double[m * (m + 1) / 2];
		double[] freeGradient = new double[m];
		double[] derivatives = new double[n];
		double[] d = new double[m];
		double chi2 = 0;
		double[] constants = GaussianModel.constants(p);
		double[] xs = data.x();
		double[] ys = data.y();
		double[] values = data.values();
		double[] weights = data.weights();
		for (int k = 0; k < values.length; k++) {
			double model = GaussianModel.evaluate(p, constants, xs[k], ys[k], derivatives);
			double residual = values[k] - model;
			double w = weights[k];
			chi2 += w * residual * residual;
			for (int a = 0; a < m; a++) {
				d[a] = derivatives[free[a]];
			}
			int t = 0;
			for (int a = 0; a < m; a++) {
				double wd = w * d[a];
				freeGradient[a] += wd * residual;
				for (int b = 0; b <= a; b++) {
					packed[t++] += wd * d[b];
				}
			}
		}
		return new Normal(unpack(packed, free, fixed), spread(freeGradient, free, n), chi2);
	}

	private static int[] freeIndices(boolean[] fixed) {
		int m = 0;
		for (boolean f : fixed) {
			m += f ? 0 : 1;
		}
		int[] free = new int[m];
		int a = 0;
		for (int i = 0; i < fixed.length; i++) {
			if (!fixed[i]) {
				free[a++] = i;
			}
		}
		return free;
	}

	private static double[] unpack(double[] packed, int[] free, boolean[] fixed) {
		int n = fixed.length;
		double[] matrix = new double[n * n];
		for (int i = 0; i < n; i++) {
			matrix[i * n + i] = fixed[i] ? 1 : 0;
		}
		int t = 0;
		for (int a = 0; a < free.length; a++) {
			for (int b = 0; b <= a; b++) {
				matrix[free[a] * n + free[b]] = packed[t];
				matrix[free[b] * n + free[a]] = packed[t++];
			}
		}
		return matrix;
	}

	private static double[] spread(double[] freeGradient, int[] free, int n) {
		double[] gradient = new double[n];
		for (int a = 0; a < free.length; a++) {
			gradient[free[a]] = freeGradient[a];
		}
		return gradient;
	}

	record Solution(double[] params, double[] covariance, double chi2) {
	}

	private record Normal(double[] matrix, double[] gradient, double chi2) {
	}

}
