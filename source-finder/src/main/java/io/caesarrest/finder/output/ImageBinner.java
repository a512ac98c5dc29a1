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
		for (int y = 0; y < this.image.height(); y++) {
			int row = (y / this.factor) * w;
			for (int x = 0; x < this.image.width(); x++) {
				float v = this.image.get(x, y);
				if (Float.isFinite(v)) {
					sums[row + x / this.factor] += v;
					counts[row + x / this.factor]++;
				}
			}
		}
		for (int k = 0; k < sums.length; k++) {
			sums[k] = (counts[k] > 0) ? sums[k] / counts[k] : Float.NaN;
		}
		return sums;
	}

}
