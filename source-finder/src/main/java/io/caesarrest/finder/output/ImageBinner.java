package io.caesarrest.finder.output;

import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Averages finite pixels in square blocks to make a small preview of a large image.
 */
final class ImageBinner {

	private final FitsImage image;

	private final int factor;

	ImageBinner(FitsImage image, int factor) {
		this.image = image;
		this.factor = factor;
	}

	/**
	 * Returns the block means, one output row per task.
	 */
	float[] bin(int w, int h, ParallelExecutor executor) {
		float[] means = new float[w * h];
		executor.forEach(h, (by) -> binRow(by, w, means));
		return means;
	}

	private void binRow(int by, int w, float[] means) {
		float[] sums = new float[w];
		int[] counts = new int[w];
		float[] pixels = this.image.pixels();
		int width = this.image.width();
		int lastRow = Math.min(this.image.height(), (by + 1) * this.factor);
		for (int y = by * this.factor; y < lastRow; y++) {
			int offset = y * width;
			for (int bx = 0; bx < w; bx++) {
				int from = offset + bx * this.factor;
				int to = offset + Math.min(width, (bx + 1) * this.factor);
				float sum = 0;
				int count = 0;
				for (int k = from; k < to; k++) {
					float v = pixels[k];
					if (v == v) {
						sum += v;
						count++;
					}
				}
				sums[bx] += sum;
				counts[bx] += count;
			}
		}
		for (int bx = 0; bx < w; bx++) {
			means[by * w + bx] = (counts[bx] > 0) ? sums[bx] / counts[bx] : Float.NaN;
		}
	}

}
