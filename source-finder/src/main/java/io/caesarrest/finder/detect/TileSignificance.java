package io.caesarrest.finder.detect;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Significance of one tile, reused across tiles by one thread; blank pixels get
 * significance NaN. Each row is scanned while it is still in cache for the pixels at or
 * above the merge threshold and for those at or below its negative (the candidates of the
 * negated image), so the labeller visits only those, and the negated image costs no
 * second pass over the tile.
 */
final class TileSignificance {

	final float[] significance;

	/** Tile indices of the pixels at or above the merge threshold, in scan order. */
	final int[] candidates;

	int candidateCount;

	/**
	 * Tile indices of the pixels at or below minus the merge threshold (at or above it in
	 * the negated image), in scan order.
	 */
	final int[] negativeCandidates;

	int negativeCount;

	TileSignificance(int maxTileSize) {
		this.significance = new float[maxTileSize * maxTileSize];
		this.candidates = new int[maxTileSize * maxTileSize];
		this.negativeCandidates = new int[maxTileSize * maxTileSize];
	}

	void compute(FitsImage image, BackgroundMap map, int x0, int y0, int width, int height, float merge) {
		float negativeMerge = -merge;
		int count = 0;
		int negative = 0;
		for (int y = 0; y < height; y++) {
			int offset = y * width;
			map.significanceRow(image.pixels(), image.width(), y0 + y, x0, width, this.significance, offset);
			for (int k = offset; k < offset + width; k++) {
				float value = this.significance[k];
				if (value >= merge) {
					this.candidates[count++] = k;
				}
				else if (value <= negativeMerge) {
					this.negativeCandidates[negative++] = k;
				}
			}
		}
		this.candidateCount = count;
		this.negativeCount = negative;
	}

}
