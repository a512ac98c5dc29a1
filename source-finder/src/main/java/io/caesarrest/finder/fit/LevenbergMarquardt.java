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

	private static Normal normal(FitData data, double[] p, boolean[] fixed) {
		int n = p.length;
		double[] matrix = new double[n * n];
		double[] gradient = new double[n];
		double[] derivatives = new double[n];
		double chi2 = 0;
		double[] constants = GaussianModel.constants(p);
		for (int k = 0; k < data.size(); k++) {
			double model = GaussianModel.evaluate(p, constants, data.x()[k], data.y()[k], derivatives);
			double residual = data.values()[k] - model;
			double w = data.weights()[k];
			chi2 += w * residual * residual;
			for (int i = 0; i < n; i++) {
				if (fixed[i]) {
					continue;
				}
				double wd = w * derivatives[i];
				gradient[i] += wd * residual;
				for (int j = 0; j <= i; j++) {
					matrix[i * n + j] += wd * derivatives[j];
				}
			}
		}
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < i; j++) {
				boolean frozen = fixed[i] || fixed[j];
				matrix[i * n + j] = frozen ? 0 : matrix[i * n + j];
				matrix[j * n + i] = matrix[i * n + j];
			}
			gradient[i] = fixed[i] ? 0 : gradient[i];
			matrix[i * n + i] = fixed[i] ? 1 : matrix[i * n + i];
		}
		return new Normal(matrix, gradient, chi2);
	}

	record Solution(double[] params, double[] covariance, double chi2) {
	}

	private record Normal(double[] matrix, double[] gradient, double chi2) {
	}

}
