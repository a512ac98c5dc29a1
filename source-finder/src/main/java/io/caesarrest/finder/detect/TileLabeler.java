package io.caesarrest.finder.detect;

import java.util.ArrayList;
import java.util.List;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Labels one tile: computes significance on the fly, flood fills 8-connected pixels above
 * the merge threshold and keeps fragments that hold a seed or reach the tile edge. A seed
 * is a pixel at or above the seed threshold in significance or, when a matched filter is
 * given, in filtered significance; the filter is evaluated only on fragments without a
 * significance seed.
 */
final class TileLabeler {

	private final FitsImage image;

	private final BackgroundMap map;

	private final DetectionSettings settings;

	private final MatchedFilter filter;

	/**
	 * Pixels below this significance are not filtered: a seed-level filtered value there
	 * would need a noise excursion of over one sigma against the source's own pixels.
	 */
	private final float filterFloor;

	private final TileSignificance tile;

	private final int[] labels;

	/** The tile number at which each label was set: older labels count as unset. */
	private final int[] stamps;

	private int tileNumber;

	private final int[] stack;

	/**
	 * 1 while labelling the image, -1 while labelling its negation: the factor of the
	 * significance values.
	 */
	private float sign = 1;

	TileLabeler(FitsImage image, BackgroundMap map, DetectionSettings settings, MatchedFilter filter, int maxTileSize) {
		this.image = image;
		this.map = map;
		this.settings = settings;
		this.filter = filter;
		this.filterFloor = (filter != null) ? (float) (settings.seedThreshold() / filter.gain() - 1) : 0;
		this.tile = new TileSignificance(maxTileSize);
		this.labels = new int[maxTileSize * maxTileSize];
		this.stamps = new int[maxTileSize * maxTileSize];
		this.stack = new int[maxTileSize * maxTileSize];
	}

	TileLabels label(int x0, int y0, int width, int height) {
		this.tile.compute(this.image, this.map, x0, y0, width, height, (float) this.settings.mergeThreshold());
		this.sign = 1;
		return labelCandidates(x0, y0, width, height, this.tile.candidates, this.tile.candidateCount);
	}

	/**
	 * Labels the negated image of the tile {@link #label} has just labelled, from the
	 * same significance values read with the opposite sign: islands of the negated image
	 * for the false-detection estimate, without another pass over the tile.
	 */
	TileLabels labelNegated(int x0, int y0, int width, int height) {
		this.sign = -1;
		return labelCandidates(x0, y0, width, height, this.tile.negativeCandidates, this.tile.negativeCount);
	}

	private TileLabels labelCandidates(int x0, int y0, int width, int height, int[] candidates, int candidateCount) {
		this.tileNumber++;
		List<Fragment> fragments = new ArrayList<>();
		List<Integer> kept = new ArrayList<>();
		for (int c = 0; c < candidateCount; c++) {
			int k = candidates[c];
			if (this.stamps[k] != this.tileNumber) {
				int count = fill(k, kept.size(), width, height);
				float seed = seedSignificance(count, x0, y0, width);
				boolean keep = touchesTileEdge(count, width, height)
						|| (seed >= this.settings.seedThreshold() && count >= this.settings.minPixels());
				kept.add(keep ? fragments.size() : -1);
				if (keep) {
					fragments.add(collect(count, x0, y0, width, seed));
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
		int label = (this.stamps[k] == this.tileNumber) ? this.labels[k] : -1;
		return (label < 0) ? -1 : kept.get(label);
	}

	private int fill(int start, int label, int width, int height) {
		int top = 0;
		this.stack[top++] = start;
		this.labels[start] = label;
		this.stamps[start] = this.tileNumber;
		int count = 0;
		float[] significance = this.tile.significance;
		float sign = this.sign;
		double merge = this.settings.mergeThreshold();
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
						if (this.stamps[n] != this.tileNumber && sign * significance[n] >= merge) {
							this.labels[n] = label;
							this.stamps[n] = this.tileNumber;
							this.stack[top++] = n;
						}
					}
				}
			}
		}
		return count;
	}

	private boolean touchesTileEdge(int count, int width, int height) {
		for (int i = 0; i < count; i++) {
			int k = this.stack[this.stack.length - 1 - i];
			int x = k % width;
			int y = k / width;
			if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the highest significance of the fragment, or its highest filtered
	 * significance (over pixels above the filter floor) when that is higher and no pixel
	 * reaches the seed threshold.
	 */
	private float seedSignificance(int count, int x0, int y0, int width) {
		float max = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < count; i++) {
			max = Math.max(max, this.sign * this.tile.significance[this.stack[this.stack.length - 1 - i]]);
		}
		if (this.filter == null || max >= this.settings.seedThreshold()) {
			return max;
		}
		for (int i = 0; i < count && max < this.settings.seedThreshold(); i++) {
			int k = this.stack[this.stack.length - 1 - i];
			if (this.sign * this.tile.significance[k] < this.filterFloor) {
				continue;
			}
			int x = x0 + k % width;
			int y = y0 + k / width;
			float filtered = this.sign * (float) this.filter.significance(this.image, x, y,
					(float) this.map.background(x, y), (float) this.map.noise(x, y));
			if (filtered > max) {
				max = filtered;
			}
		}
		return max;
	}

	private Fragment collect(int count, int x0, int y0, int width, float seed) {
		int[] pixels = new int[count];
		float[] fluxes = new float[count];
		float[] noise = new float[count];
		boolean border = false;
		boolean blank = false;
		for (int i = 0; i < count; i++) {
			int k = this.stack[this.stack.length - 1 - i];
			int gx = x0 + k % width;
			int gy = y0 + k / width;
			pixels[i] = gy * this.image.width() + gx;
			fluxes[i] = (float) (this.sign * (this.image.get(gx, gy) - this.map.background(gx, gy)));
			noise[i] = (float) this.map.noise(gx, gy);
			border |= gx == 0 || gy == 0 || gx == this.image.width() - 1 || gy == this.image.height() - 1;
			blank = blank || nearBlank(gx, gy);
		}
		return new Fragment(pixels, fluxes, noise, seed, border, blank);
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
