package io.caesarrest.finder.detect;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Significance of one tile, reused across tiles by one thread; blank pixels get
 * significance NaN. Each row is scanned while it is still in cache for the pixels at or
 * above the merge threshold, so the labeller visits only those.
 */
final class TileSignificance {

	final float[] significance;

	/** Tile indices of the pixels at or above the merge threshold, in scan order. */
	final int[] candidates;

	int candidateCount;

	TileSignificance(int maxTileSize) {
		this.significance = new float[maxTileSize * maxTileSize];
		this.candidates = new int[maxTileSize * maxTileSize];
	}

	void compute(FitsImage image, BackgroundMap map, int x0, int y0, int width, int height, float merge) {
		int count = 0;
		for (int y = 0; y < height; y++) {
			int offset = y * width;
			map.significanceRow(image.pixels(), image.width(), y0 + y, x0, width, this.significance, offset);
			for (int k = offset; k < offset + width; k++) {
				if (this.significance[k] >= merge) {
					this.candidates[count++] = k;
				}
			}
		}
		this.candidateCount = count;
	}

	/**
	 * Negates the significance of the tile just computed and lists the pixels at or above
	 * the merge threshold in the negated tile: the negative image's significance,
	 * exactly, without reading the pixels again.
	 */
	void negate(int size, float merge) {
		int count = 0;
		for (int k = 0; k < size; k++) {
			float value = -this.significance[k];
			this.significance[k] = value;
			if (value >= merge) {
				this.candidates[count++] = k;
			}
		}
		this.candidateCount = count;
	}

}
