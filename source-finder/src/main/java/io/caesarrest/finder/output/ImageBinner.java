package io.caesarrest.finder.output;

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

	float[] bin(int w, int h) {
		float[] sums = new float[w * h];
		int[] counts = new int[w * h];
		int[] column = new int[this.image.width()];
		for (int x = 0; x < column.length; x++) {
			column[x] = x / this.factor;
		}
		float[] pixels = this.image.pixels();
		for (int y = 0; y < this.image.height(); y++) {
			int row = (y / this.factor) * w;
			int offset = y * this.image.width();
			for (int x = 0; x < column.length; x++) {
				float v = pixels[offset + x];
				if (v == v) {
					sums[row + column[x]] += v;
					counts[row + column[x]]++;
				}
			}
		}
		for (int k = 0; k < sums.length; k++) {
			sums[k] = (counts[k] > 0) ? sums[k] / counts[k] : Float.NaN;
		}
		return sums;
	}

}
