package io.caesarrest.finder.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Finds islands: labels tiles in parallel, then merges fragments that touch across tile
 * seams with union-find and keeps the merged islands that hold a seed pixel.
 */
public final class IslandDetector {

	private static final int TILE = 512;

	private final DetectionSettings settings;

	private final MatchedFilter filter;

	/**
	 * Creates a detector that seeds on pixel significance only.
	 * @param settings the thresholds
	 */
	public IslandDetector(DetectionSettings settings) {
		this(settings, null);
	}

	/**
	 * Creates a detector.
	 * @param settings the thresholds
	 * @param filter the matched filter giving a second seed test, or {@code null}
	 */
	public IslandDetector(DetectionSettings settings, MatchedFilter filter) {
		this.settings = settings;
		this.filter = filter;
	}

	/**
	 * Detects islands.
	 * @param image the image
	 * @param map the background and noise map
	 * @param executor the executor for tiles
	 * @return the islands, ordered by tile and scan position
	 */
	public List<Island> detect(FitsImage image, BackgroundMap map, ParallelExecutor executor) {
		int tilesX = (image.width() + TILE - 1) / TILE;
		int tilesY = (image.height() + TILE - 1) / TILE;
		TileLabels[] tiles = new TileLabels[tilesX * tilesY];
		ThreadLocal<TileLabeler> labelers = ThreadLocal
			.withInitial(() -> new TileLabeler(image, map, this.settings, this.filter, TILE));
		executor.forEach(tiles.length, (t) -> {
			int tx = t % tilesX;
			int ty = t / tilesX;
			int x0 = tx * TILE;
			int y0 = ty * TILE;
			tiles[t] = labelers.get()
				.label(x0, y0, Math.min(TILE, image.width() - x0), Math.min(TILE, image.height() - y0));
		});
		int[] offsets = new int[tiles.length + 1];
		for (int t = 0; t < tiles.length; t++) {
			offsets[t + 1] = offsets[t] + tiles[t].fragments().size();
		}
		UnionFind sets = new UnionFind(offsets[tiles.length]);
		new SeamMerger(tiles, offsets, tilesX, tilesY).merge(sets);
		return islands(tiles, offsets, sets);
	}

	private List<Island> islands(TileLabels[] tiles, int[] offsets, UnionFind sets) {
		Map<Integer, List<Fragment>> groups = new LinkedHashMap<>();
		for (int t = 0; t < tiles.length; t++) {
			List<Fragment> fragments = tiles[t].fragments();
			for (int f = 0; f < fragments.size(); f++) {
				groups.computeIfAbsent(sets.find(offsets[t] + f), (root) -> new ArrayList<>()).add(fragments.get(f));
			}
		}
		List<Island> islands = new ArrayList<>();
		for (List<Fragment> group : groups.values()) {
			Island island = FragmentJoiner.join(group, this.settings);
			if (island != null) {
				islands.add(island);
			}
		}
		return islands;
	}

}
