package io.caesarrest.finder.fit;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.detect.Island;
import io.caesarrest.finder.fits.FitsImage;

/**
 * The bounding box of an island with background-subtracted values and noise; the fit uses
 * the island's own pixels (adding the wings below the merge threshold was measured to
 * make the fluxes noisier, not more accurate).
 */
final class FitRegion {

	final int x0;

	final int y0;

	final int width;

	final int height;

	final float[] residual;

	final float[] noise;

	final boolean[] inIsland;

	FitRegion(Island island, FitsImage image, BackgroundMap map) {
		int minX = Integer.MAX_VALUE;
		int minY = Integer.MAX_VALUE;
		int maxX = Integer.MIN_VALUE;
		int maxY = Integer.MIN_VALUE;
		for (int pixel : island.pixels()) {
			int x = pixel % image.width();
			int y = pixel / image.width();
			minX = Math.min(minX, x);
			minY = Math.min(minY, y);
			maxX = Math.max(maxX, x);
			maxY = Math.max(maxY, y);
		}
		this.x0 = minX;
		this.y0 = minY;
		this.width = maxX - this.x0 + 1;
		this.height = maxY - this.y0 + 1;
		this.residual = new float[this.width * this.height];
		this.noise = new float[this.width * this.height];
		this.inIsland = new boolean[this.width * this.height];
		fill(island, image, map);
	}

	private void fill(Island island, FitsImage image, BackgroundMap map) {
		float[] rowBackground = new float[this.width];
		float[] rowNoise = new float[this.width];
		for (int y = 0; y < this.height; y++) {
			map.row(this.y0 + y, this.x0, this.width, rowBackground, rowNoise);
			for (int x = 0; x < this.width; x++) {
				this.residual[y * this.width + x] = image.get(this.x0 + x, this.y0 + y) - rowBackground[x];
				this.noise[y * this.width + x] = rowNoise[x];
			}
		}
		for (int pixel : island.pixels()) {
			int x = pixel % image.width() - this.x0;
			int y = pixel / image.width() - this.y0;
			this.inIsland[y * this.width + x] = true;
		}
	}

	/**
	 * Returns the noise at the pixel nearest to an image position, or at the region's
	 * nearest edge pixel for a position outside it.
	 */
	double noiseAt(double x, double y) {
		int px = Math.max(0, Math.min(this.width - 1, (int) Math.round(x) - this.x0));
		int py = Math.max(0, Math.min(this.height - 1, (int) Math.round(y) - this.y0));
		return this.noise[py * this.width + px];
	}

	FitData data() {
		boolean[] use = this.inIsland;
		int count = 0;
		for (int k = 0; k < use.length; k++) {
			count += (use[k] && Float.isFinite(this.residual[k])) ? 1 : 0;
		}
		double[] xs = new double[count];
		double[] ys = new double[count];
		double[] values = new double[count];
		double[] weights = new double[count];
		int i = 0;
		for (int k = 0; k < use.length; k++) {
			if (use[k] && Float.isFinite(this.residual[k])) {
				xs[i] = this.x0 + k % this.width;
				ys[i] = this.y0 + k / this.width;
				values[i] = this.residual[k];
				weights[i++] = 1.0 / ((double) this.noise[k] * this.noise[k]);
			}
		}
		return new FitData(xs, ys, values, weights);
	}

}
