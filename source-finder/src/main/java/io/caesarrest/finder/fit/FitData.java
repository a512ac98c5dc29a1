package io.caesarrest.finder.fit;

/**
 * Pixels to fit: positions, background-subtracted values and weights (1 / noise squared).
 */
record FitData(double[] x, double[] y, double[] values, double[] weights) {

	int size() {
		return this.values.length;
	}

}
