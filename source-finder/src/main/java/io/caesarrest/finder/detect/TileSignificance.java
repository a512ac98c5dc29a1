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
		this.candidateCount = 0;
		this.negativeCount = 0;
		float[] values = this.significance;
		for (int y = 0; y < height; y++) {
			int offset = y * width;
			int end = offset + width;
			map.significanceRow(image.pixels(), image.width(), y0 + y, x0, width, values, offset);
			int k = offset;
			// four pixels a test, since few pass it (NaN, for blank pixels, passes none)
			for (; k + 3 < end; k += 4) {
				if (Math.abs(values[k]) >= merge | Math.abs(values[k + 1]) >= merge | Math.abs(values[k + 2]) >= merge
						| Math.abs(values[k + 3]) >= merge) {
					list(k, k + 4, merge);
				}
			}
			list(k, end, merge);
		}
	}

	private void list(int from, int to, float merge) {
		for (int k = from; k < to; k++) {
			float value = this.significance[k];
			if (value >= merge) {
				this.candidates[this.candidateCount++] = k;
			}
			else if (value <= -merge) {
				this.negativeCandidates[this.negativeCount++] = k;
			}
		}
	}

}
