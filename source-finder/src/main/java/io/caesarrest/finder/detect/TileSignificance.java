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

	private static final int ABSOLUTE = 0x7fffffff;

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
		// the bits of a non-negative float order as the float does: a value with
		// absolute bits above this limit is at or beyond the merge threshold (or NaN)
		int limit = Float.floatToRawIntBits(merge) - 1;
		for (int y = 0; y < height; y++) {
			int offset = y * width;
			int end = offset + width;
			map.significanceRow(image.pixels(), image.width(), y0 + y, x0, width, values, offset);
			int k = offset;
			// four pixels a test, in integer arithmetic without branches, since few pass
			for (; merge > 0 && k + 3 < end; k += 4) {
				int beyond = (limit - (Float.floatToRawIntBits(values[k]) & ABSOLUTE))
						| (limit - (Float.floatToRawIntBits(values[k + 1]) & ABSOLUTE))
						| (limit - (Float.floatToRawIntBits(values[k + 2]) & ABSOLUTE))
						| (limit - (Float.floatToRawIntBits(values[k + 3]) & ABSOLUTE));
				if (beyond < 0) {
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
