package io.caesarrest.finder.fit;

/**
 * Dense symmetric positive-definite solves and inverses by Cholesky decomposition.
 */
public final class LinearAlgebra {

	private LinearAlgebra() {
	}

	/**
	 * Returns the lower Cholesky factor of an n x n row-major matrix, or null if not
	 * positive definite.
	 * @param a the matrix
	 * @param n its order
	 * @return the factor, row-major
	 */
	public static double[] cholesky(double[] a, int n) {
		double[] l = new double[n * n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j <= i; j++) {
				double sum = a[i * n + j];
				for (int k = 0; k < j; k++) {
					sum -= l[i * n + k] * l[j * n + k];
				}
				if (i == j) {
					if (!(sum > 0)) {
						return null;
					}
					l[i * n + i] = Math.sqrt(sum);
				}
				else {
					l[i * n + j] = sum / l[j * n + j];
				}
			}
		}
		return l;
	}

	/**
	 * Solves L L^T x = b given the Cholesky factor.
	 * @param l the factor from {@link #cholesky(double[], int)}
	 * @param n the order
	 * @param b the right-hand side
	 * @return x
	 */
	public static double[] solve(double[] l, int n, double[] b) {
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			double sum = b[i];
			for (int k = 0; k < i; k++) {
				sum -= l[i * n + k] * y[k];
			}
			y[i] = sum / l[i * n + i];
		}
		double[] x = new double[n];
		for (int i = n - 1; i >= 0; i--) {
			double sum = y[i];
			for (int k = i + 1; k < n; k++) {
				sum -= l[k * n + i] * x[k];
			}
			x[i] = sum / l[i * n + i];
		}
		return x;
	}

	/**
	 * Returns the inverse of a symmetric positive-definite matrix, or null if singular.
	 */
	static double[] inverse(double[] a, int n) {
		double[] l = cholesky(a, n);
		if (l == null) {
			return null;
		}
		double[] inverse = new double[n * n];
		for (int col = 0; col < n; col++) {
			double[] unit = new double[n];
			unit[col] = 1;
			double[] x = solve(l, n, unit);
			for (int row = 0; row < n; row++) {
				inverse[row * n + col] = x[row];
			}
		}
		return inverse;
	}

}
