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
		int width = this.image.width();
		float[] sums = new float[width];
		float[] counts = new float[width];
		float[] pixels = this.image.pixels();
		int lastRow = Math.min(this.image.height(), (by + 1) * this.factor);
		for (int y = by * this.factor; y < lastRow; y++) {
			int offset = y * width;
			for (int x = 0; x < width; x++) {
				float v = pixels[offset + x];
				boolean finite = v == v;
				sums[x] += finite ? v : 0;
				counts[x] += finite ? 1 : 0;
			}
		}
		for (int bx = 0; bx < w; bx++) {
			float sum = 0;
			float count = 0;
			for (int x = bx * this.factor; x < Math.min(width, (bx + 1) * this.factor); x++) {
				sum += sums[x];
				count += counts[x];
			}
			means[by * w + bx] = (count > 0) ? sum / count : Float.NaN;
		}
	}

}
