package io.caesarrest.finder.detect;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Background-subtracted values, noise and significance of one tile, reused across tiles
 * by one thread; blank pixels get significance NaN.
 */
final class TileSignificance {

	final float[] residual;

	final float[] noise;

	final float[] significance;

	private final float[] rowBackground;

	private final float[] rowNoise;

	TileSignificance(int maxTileSize) {
		this.residual = new float[maxTileSize * maxTileSize];
		this.noise = new float[maxTileSize * maxTileSize];
		this.significance = new float[maxTileSize * maxTileSize];
		this.rowBackground = new float[maxTileSize];
		this.rowNoise = new float[maxTileSize];
	}

	void compute(FitsImage image, BackgroundMap map, int x0, int y0, int width, int height) {
		float[] pixels = image.pixels();
		for (int y = 0; y < height; y++) {
			map.row(y0 + y, x0, width, this.rowBackground, this.rowNoise);
			int offset = (y0 + y) * image.width() + x0;
			for (int x = 0; x < width; x++) {
				int k = y * width + x;
				float value = pixels[offset + x] - this.rowBackground[x];
				this.residual[k] = value;
				this.noise[k] = this.rowNoise[x];
				this.significance[k] = value / this.rowNoise[x];
			}
		}
	}

}
