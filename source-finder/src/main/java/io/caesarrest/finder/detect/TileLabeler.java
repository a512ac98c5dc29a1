package io.caesarrest.finder.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Labels one tile: computes significance on the fly, flood fills 8-connected pixels above
 * the merge threshold and keeps fragments that hold a seed or reach the tile edge.
 */
final class TileLabeler {

	private final FitsImage image;

	private final BackgroundMap map;

	private final DetectionSettings settings;

	private final TileSignificance tile;

	private final int[] labels;

	private final int[] stack;

	TileLabeler(FitsImage image, BackgroundMap map, DetectionSettings settings, int maxTileSize) {
		this.image = image;
		this.map = map;
		this.settings = settings;
		this.tile = new TileSignificance(maxTileSize);
		this.labels = new int[maxTileSize * maxTileSize];
		this.stack = new int[maxTileSize * maxTileSize];
	}

	TileLabels label(int x0, int y0, int width, int height) {
		this.tile.compute(this.image, this.map, x0, y0, width, height);
		Arrays.fill(this.labels, 0, width * height, -1);
		List<Fragment> fragments = new ArrayList<>();
		List<Integer> kept = new ArrayList<>();
		for (int k = 0; k < width * height; k++) {
			if (this.labels[k] == -1 && this.tile.significance[k] >= this.settings.mergeThreshold()) {
				int count = fill(k, kept.size(), width, height);
				boolean keep = keep(count, width, height);
				kept.add(keep ? fragments.size() : -1);
				if (keep) {
					fragments.add(collect(count, x0, y0, width));
				}
			}
		}
		return edges(fragments, kept, width, height);
	}

	private TileLabels edges(List<Fragment> fragments, List<Integer> kept, int width, int height) {
		int[] bottom = new int[width];
		int[] top = new int[width];
		int[] left = new int[height];
		int[] right = new int[height];
		for (int x = 0; x < width; x++) {
			bottom[x] = fragmentOf(x, kept);
			top[x] = fragmentOf((height - 1) * width + x, kept);
		}
		for (int y = 0; y < height; y++) {
			left[y] = fragmentOf(y * width, kept);
			right[y] = fragmentOf(y * width + width - 1, kept);
		}
		return new TileLabels(fragments, bottom, top, left, right);
	}

	private int fragmentOf(int k, List<Integer> kept) {
		int label = this.labels[k];
		return (label < 0) ? -1 : kept.get(label);
	}

	private int fill(int start, int label, int width, int height) {
		int top = 0;
		this.stack[top++] = start;
		this.labels[start] = label;
		int count = 0;
		while (top > 0) {
			int k = this.stack[--top];
			this.stack[this.stack.length - 1 - count++] = k;
			int x = k % width;
			int y = k / width;
			for (int dy = -1; dy <= 1; dy++) {
				for (int dx = -1; dx <= 1; dx++) {
					int nx = x + dx;
					int ny = y + dy;
					if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
						int n = ny * width + nx;
						if (this.labels[n] == -1 && this.tile.significance[n] >= this.settings.mergeThreshold()) {
							this.labels[n] = label;
							this.stack[top++] = n;
						}
					}
				}
			}
		}
		return count;
	}

	private boolean keep(int count, int width, int height) {
		float max = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < count; i++) {
			int k = this.stack[this.stack.length - 1 - i];
			int x = k % width;
			int y = k / width;
			if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
				return true;
			}
			max = Math.max(max, this.tile.significance[k]);
		}
		return max >= this.settings.seedThreshold() && count >= this.settings.minPixels();
	}

	private Fragment collect(int count, int x0, int y0, int width) {
		int[] pixels = new int[count];
		float[] fluxes = new float[count];
		float[] noise = new float[count];
		float max = Float.NEGATIVE_INFINITY;
		boolean border = false;
		boolean blank = false;
		for (int i = 0; i < count; i++) {
			int k = this.stack[this.stack.length - 1 - i];
			int gx = x0 + k % width;
			int gy = y0 + k / width;
			pixels[i] = gy * this.image.width() + gx;
			fluxes[i] = this.tile.residual[k];
			noise[i] = this.tile.noise[k];
			max = Math.max(max, this.tile.significance[k]);
			border |= gx == 0 || gy == 0 || gx == this.image.width() - 1 || gy == this.image.height() - 1;
			blank = blank || nearBlank(gx, gy);
		}
		return new Fragment(pixels, fluxes, noise, max, border, blank);
	}

	private boolean nearBlank(int gx, int gy) {
		for (int dy = -1; dy <= 1; dy++) {
			for (int dx = -1; dx <= 1; dx++) {
				int nx = gx + dx;
				int ny = gy + dy;
				if (nx >= 0 && ny >= 0 && nx < this.image.width() && ny < this.image.height()
						&& Float.isNaN(this.image.get(nx, ny))) {
					return true;
				}
			}
		}
		return false;
	}

}
