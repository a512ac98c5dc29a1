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
		return run(image, map, executor, false).islands();
	}

	/**
	 * Detects islands in the image and, with the same settings and from the same
	 * significance values, in the negated image.
	 * @param image the image
	 * @param map the background and noise map
	 * @param executor the executor for tiles
	 * @return the islands of the image and those of its negation
	 */
	public Detections detectWithNegated(FitsImage image, BackgroundMap map, ParallelExecutor executor) {
		return run(image, map, executor, true);
	}

	private Detections run(FitsImage image, BackgroundMap map, ParallelExecutor executor, boolean negated) {
		int tilesX = (image.width() + TILE - 1) / TILE;
		int tilesY = (image.height() + TILE - 1) / TILE;
		TileLabels[] tiles = new TileLabels[tilesX * tilesY];
		TileLabels[] negatedTiles = new TileLabels[negated ? tiles.length : 0];
		ThreadLocal<TileLabeler> labelers = ThreadLocal
			.withInitial(() -> new TileLabeler(image, map, this.settings, this.filter, TILE));
		executor.forEach(tiles.length, (t) -> {
			int x0 = (t % tilesX) * TILE;
			int y0 = (t / tilesX) * TILE;
			int width = Math.min(TILE, image.width() - x0);
			int height = Math.min(TILE, image.height() - y0);
			tiles[t] = labelers.get().label(x0, y0, width, height);
			if (negated) {
				negatedTiles[t] = labelers.get().labelNegated(x0, y0, width, height);
			}
		});
		return new Detections(merged(tiles, tilesX, tilesY),
				negated ? merged(negatedTiles, tilesX, tilesY) : List.of());
	}

	private List<Island> merged(TileLabels[] tiles, int tilesX, int tilesY) {
		int[] offsets = new int[tiles.length + 1];
		for (int t = 0; t < tiles.length; t++) {
			offsets[t + 1] = offsets[t] + tiles[t].fragments().size();
		}
		UnionFind sets = new UnionFind(offsets[tiles.length]);
		new SeamMerger(tiles, offsets, tilesX, tilesY).merge(sets);
		return islands(tiles, offsets, sets);
	}

	/**
	 * The islands of an image and of its negation.
	 *
	 * @param islands the islands of the image
	 * @param negated the islands of the negated image (empty when not asked for)
	 */
	public record Detections(List<Island> islands, List<Island> negated) {

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
