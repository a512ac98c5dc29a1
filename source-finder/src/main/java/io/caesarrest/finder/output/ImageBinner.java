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

	/**
	 * Sums the block rows column by column (a plain loop the JIT vectorises), then the
	 * columns of each block; a block whose sum is NaN holds a blank pixel and is averaged
	 * again over its finite pixels only.
	 */
	private void binRow(int by, int w, float[] means) {
		int width = this.image.width();
		float[] sums = new float[width];
		float[] pixels = this.image.pixels();
		int firstRow = by * this.factor;
		int lastRow = Math.min(this.image.height(), firstRow + this.factor);
		for (int y = firstRow; y < lastRow; y++) {
			addRow(pixels, y * width, sums, width);
		}
		for (int bx = 0; bx < w; bx++) {
			int from = bx * this.factor;
			int to = Math.min(width, from + this.factor);
			float sum = 0;
			for (int x = from; x < to; x++) {
				sum += sums[x];
			}
			means[by * w + bx] = Float.isNaN(sum) ? finiteMean(firstRow, lastRow, from, to)
					: sum / ((lastRow - firstRow) * (to - from));
		}
	}

	/**
	 * Adds one image row to the column sums, four columns a step: the worker JVMs run the
	 * client compiler only, which does not unroll loops.
	 */
	private static void addRow(float[] pixels, int offset, float[] sums, int width) {
		int x = 0;
		for (; x + 3 < width; x += 4) {
			int k = offset + x;
			sums[x] += pixels[k];
			sums[x + 1] += pixels[k + 1];
			sums[x + 2] += pixels[k + 2];
			sums[x + 3] += pixels[k + 3];
		}
		for (; x < width; x++) {
			sums[x] += pixels[offset + x];
		}
	}

	private float finiteMean(int firstRow, int lastRow, int from, int to) {
		float sum = 0;
		int count = 0;
		for (int y = firstRow; y < lastRow; y++) {
			for (int x = from; x < to; x++) {
				float v = this.image.pixels()[y * this.image.width() + x];
				if (!Float.isNaN(v)) {
					sum += v;
					count++;
				}
			}
		}
		return (count > 0) ? sum / count : Float.NaN;
	}

}
