package io.caesarrest.finder.simulate;

import java.util.SplittableRandom;

import io.caesarrest.finder.concurrent.ParallelExecutor;

/**
 * Adds white Gaussian noise filtered by a circular Gaussian kernel (separably, in strips
 * of rows), normalised to a given rms; each row's white noise comes from its own seeded
 * generator so the result does not depend on threading.
 */
final class CorrelatedNoise {

	private static final int STRIP = 64;

	private final double[] kernel;

	private final int radius;

	CorrelatedNoise(double kernelSigmaPixels) {
		this.radius = (int) Math.ceil(4 * kernelSigmaPixels);
		this.kernel = new double[2 * this.radius + 1];
		double sumSquares = 0;
		for (int j = 0; j < this.kernel.length; j++) {
			double d = (j - this.radius) / kernelSigmaPixels;
			this.kernel[j] = Math.exp(-0.5 * d * d);
			sumSquares += this.kernel[j] * this.kernel[j];
		}
		for (int j = 0; j < this.kernel.length; j++) {
			this.kernel[j] /= Math.sqrt(sumSquares);
		}
	}

	void add(float[] image, int size, double rms, long seed, ParallelExecutor executor) {
		int strips = (size + STRIP - 1) / STRIP;
		executor.forEach(strips, (s) -> strip(image, size, rms, seed, s * STRIP, Math.min(size, (s + 1) * STRIP)));
	}

	private void strip(float[] image, int size, double rms, long seed, int y0, int y1) {
		int rows = y1 - y0 + 2 * this.radius;
		float[][] smoothed = new float[rows][];
		double[] white = new double[size + 2 * this.radius];
		for (int r = 0; r < rows; r++) {
			smoothed[r] = horizontal(white, size, seed, y0 - this.radius + r);
		}
		for (int y = y0; y < y1; y++) {
			int offset = y * size;
			for (int x = 0; x < size; x++) {
				double sum = 0;
				for (int j = 0; j < this.kernel.length; j++) {
					sum += this.kernel[j] * smoothed[y - y0 + j][x];
				}
				image[offset + x] += (float) (rms * sum);
			}
		}
	}

	private float[] horizontal(double[] white, int size, long seed, int row) {
		SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row);
		for (int i = 0; i < white.length; i++) {
			white[i] = random.nextGaussian();
		}
		float[] out = new float[size];
		for (int x = 0; x < size; x++) {
			double sum = 0;
			for (int j = 0; j < this.kernel.length; j++) {
				sum += this.kernel[j] * white[x + j];
			}
			out[x] = (float) sum;
		}
		return out;
	}

}
