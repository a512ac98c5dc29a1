package io.caesarrest.finder.detect;

/**
 * Unions fragments of neighbouring tiles whose edge pixels are 8-connected across the
 * seam.
 */
final class SeamMerger {

	private final TileLabels[] tiles;

	private final int[] offsets;

	private final int tilesX;

	private final int tilesY;

	SeamMerger(TileLabels[] tiles, int[] offsets, int tilesX, int tilesY) {
		this.tiles = tiles;
		this.offsets = offsets;
		this.tilesX = tilesX;
		this.tilesY = tilesY;
	}

	void merge(UnionFind sets) {
		for (int ty = 0; ty < this.tilesY; ty++) {
			for (int tx = 0; tx < this.tilesX; tx++) {
				int t = ty * this.tilesX + tx;
				if (tx + 1 < this.tilesX) {
					edge(sets, t, this.tiles[t].right(), t + 1, this.tiles[t + 1].left());
				}
				if (ty + 1 < this.tilesY) {
					int up = t + this.tilesX;
					edge(sets, t, this.tiles[t].top(), up, this.tiles[up].bottom());
					if (tx + 1 < this.tilesX) {
						int[] top = this.tiles[t].top();
						corner(sets, t, top[top.length - 1], up + 1, this.tiles[up + 1].bottom()[0]);
					}
					if (tx > 0) {
						int[] upLeft = this.tiles[up - 1].bottom();
						corner(sets, t, this.tiles[t].top()[0], up - 1, upLeft[upLeft.length - 1]);
					}
				}
			}
		}
	}

	private void edge(UnionFind sets, int tileA, int[] a, int tileB, int[] b) {
		for (int k = 0; k < a.length; k++) {
			if (a[k] < 0) {
				continue;
			}
			for (int d = -1; d <= 1; d++) {
				int j = k + d;
				if (j >= 0 && j < b.length && b[j] >= 0) {
					sets.union(this.offsets[tileA] + a[k], this.offsets[tileB] + b[j]);
				}
			}
		}
	}

	private void corner(UnionFind sets, int tileA, int a, int tileB, int b) {
		if (a >= 0 && b >= 0) {
			sets.union(this.offsets[tileA] + a, this.offsets[tileB] + b);
		}
	}

}
