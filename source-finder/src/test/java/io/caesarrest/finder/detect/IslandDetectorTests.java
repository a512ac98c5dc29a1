package io.caesarrest.finder.detect;

import java.util.Comparator;
import java.util.List;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.fits.FitsImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IslandDetectorTests {

	private static final int SIZE = 1100;

	private static final DetectionSettings SETTINGS = new DetectionSettings(5, 2.6, 3);

	@Test
	void mergesIslandsAcrossTileSeamsAndCorners() {
		float[] pixels = new float[SIZE * SIZE];
		for (int x = 300; x < 700; x++) {
			pixels[600 * SIZE + x] = 3;
		}
		for (int y = 400; y < 700; y++) {
			pixels[y * SIZE + 300] = 3;
		}
		pixels[650 * SIZE + 300] = 10;
		pixels[511 * SIZE + 800] = 10;
		pixels[511 * SIZE + 799] = 3;
		pixels[512 * SIZE + 801] = 3;
		pixels[513 * SIZE + 802] = 3;
		for (int d = 509; d < 515; d++) {
			pixels[d * SIZE + d] = (d == 509) ? 10 : 3;
		}
		List<Island> islands = detect(pixels, 2);
		assertThat(islands.stream().map(Island::size).sorted().toList()).containsExactly(4, 6, 400 + 300 - 1);
	}

	@Test
	void dropsIslandsWithoutSeedOrTooSmall() {
		float[] pixels = new float[SIZE * SIZE];
		for (int x = 100; x < 120; x++) {
			pixels[100 * SIZE + x] = 4;
		}
		pixels[300 * SIZE + 300] = 50;
		pixels[300 * SIZE + 301] = 3;
		List<Island> islands = detect(pixels, 1);
		assertThat(islands).isEmpty();
	}

	@Test
	void findsTheSameIslandsWithOneOrTwoThreads() {
		float[] pixels = new float[SIZE * SIZE];
		java.util.SplittableRandom random = new java.util.SplittableRandom(5);
		for (int k = 0; k < pixels.length; k++) {
			pixels[k] = (float) (random.nextGaussian() * 1.5);
		}
		List<Island> one = detect(pixels, 1);
		List<Island> two = detect(pixels, 2);
		assertThat(one).isNotEmpty();
		assertThat(sizes(one)).isEqualTo(sizes(two));
	}

	@Test
	void flagsIslandsTouchingBorderOrBlankPixels() {
		float[] pixels = new float[SIZE * SIZE];
		for (int x = 0; x < 5; x++) {
			pixels[10 * SIZE + x] = 8;
		}
		for (int x = 200; x < 205; x++) {
			pixels[200 * SIZE + x] = 8;
		}
		pixels[201 * SIZE + 202] = Float.NaN;
		for (int x = 400; x < 405; x++) {
			pixels[400 * SIZE + x] = 8;
		}
		List<Island> islands = detect(pixels, 2);
		islands.sort(Comparator.comparingInt((Island island) -> island.pixels()[0]));
		assertThat(islands).hasSize(3);
		assertThat(islands.get(0).touchesBorder()).isTrue();
		assertThat(islands.get(1).touchesBlank()).isTrue();
		assertThat(islands.get(2).touchesBorder() || islands.get(2).touchesBlank()).isFalse();
	}

	@Test
	void findsTheIslandsOfTheNegatedImageFromTheSameSignificance() {
		float[] pixels = new float[SIZE * SIZE];
		for (int x = 505; x < 520; x++) {
			pixels[300 * SIZE + x] = 6;
			pixels[700 * SIZE + x] = -7;
			pixels[701 * SIZE + x] = -3;
		}
		pixels[900 * SIZE + 900] = -4;
		FitsImage image = new FitsImage("test", SIZE, SIZE, pixels, "", null, null);
		BackgroundMap unitNoise = new BackgroundMap(1, 1, SIZE, SIZE, new float[] { 0 }, new float[] { 1 }, SIZE);
		try (ParallelExecutor executor = new ParallelExecutor(2)) {
			IslandDetector.Detections detections = new IslandDetector(SETTINGS).detectWithNegated(image, unitNoise,
					executor);
			assertThat(detections.islands()).singleElement().satisfies((island) -> {
				assertThat(island.size()).isEqualTo(15);
				assertThat(island.seed()).isEqualTo(6f);
			});
			assertThat(detections.negated()).singleElement().satisfies((island) -> {
				assertThat(island.size()).isEqualTo(30);
				assertThat(island.seed()).isEqualTo(7f);
				assertThat(island.fluxes()).contains(7f, 3f);
			});
			assertThat(pixels[700 * SIZE + 510]).isEqualTo(-7f);
		}
	}

	private static List<Integer> sizes(List<Island> islands) {
		return islands.stream().map((island) -> island.pixels()[0] * 31 + island.size()).sorted().toList();
	}

	private static List<Island> detect(float[] pixels, int threads) {
		FitsImage image = new FitsImage("test", SIZE, SIZE, pixels, "", null, null);
		BackgroundMap unitNoise = new BackgroundMap(1, 1, SIZE, SIZE, new float[] { 0 }, new float[] { 1 }, SIZE);
		try (ParallelExecutor executor = new ParallelExecutor(threads)) {
			return new java.util.ArrayList<>(new IslandDetector(SETTINGS).detect(image, unitNoise, executor));
		}
	}

}
