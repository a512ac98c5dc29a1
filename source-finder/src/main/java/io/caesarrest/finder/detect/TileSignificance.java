package io.caesarrest.finder.detect;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Significance of one tile, reused across tiles by one thread; blank pixels get
 * significance NaN.
 */
final class TileSignificance {

	final float[] significance;

	TileSignificance(int maxTileSize) {
		this.significance = new float[maxTileSize * maxTileSize];
	}

	void compute(FitsImage image, BackgroundMap map, int x0, int y0, int width, int height) {
		for (int y = 0; y < height; y++) {
			map.significanceRow(image.pixels(), image.width(), y0 + y, x0, width, this.significance, y * width);
		}
	}

}
