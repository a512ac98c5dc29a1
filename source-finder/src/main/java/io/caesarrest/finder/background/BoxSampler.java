package io.caesarrest.finder.background;

import io.caesarrest.finder.fits.FitsImage;

/**
 * Collects the finite pixels of a box (subsampled with a stride for large boxes) and
 * returns their sigma-clipped statistics; one instance per thread.
 */
final class BoxSampler {

	private static final double CLIP = 3.0;

	private static final int ITERATIONS = 2;

	private final FitsImage image;

	private final int boxX;

	private final int boxY;

	private final int strideX;

	private final int strideY;

	private final float[] samples;

	private final HistogramStatistics histogram = new HistogramStatistics();

	BoxSampler(FitsImage image, int boxX, int boxY, int maxPerAxis) {
		this.image = image;
		this.boxX = boxX;
		this.boxY = boxY;
		this.strideX = Math.max(1, (boxX + maxPerAxis - 1) / maxPerAxis);
		this.strideY = Math.max(1, (boxY + maxPerAxis - 1) / maxPerAxis);
		int capacity = (boxX / this.strideX + 2) * (boxY / this.strideY + 2);
		this.samples = new float[capacity];
	}

	double[] stats(double centreX, double centreY, int minSamples) {
		int x0 = clamp((int) Math.round(centreX - this.boxX / 2.0), this.image.width() - this.boxX);
		int y0 = clamp((int) Math.round(centreY - this.boxY / 2.0), this.image.height() - this.boxY);
		int count = 0;
		float[] pixels = this.image.pixels();
		for (int y = y0; y < y0 + this.boxY; y += this.strideY) {
			int offset = y * this.image.width();
			for (int x = x0; x < x0 + this.boxX; x += this.strideX) {
				float value = pixels[offset + x];
				if (!Float.isNaN(value) && !Float.isInfinite(value)) {
					this.samples[count++] = value;
				}
			}
		}
		if (count < minSamples) {
			return new double[] { Double.NaN, Double.NaN };
		}
		return this.histogram.clippedMedianSigma(this.samples, count, CLIP, ITERATIONS);
	}

	private static int clamp(int start, int max) {
		return Math.max(0, Math.min(start, Math.max(0, max)));
	}

}
