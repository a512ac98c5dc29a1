package io.caesarrest.finder.background;

import java.util.SplittableRandom;

import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.fits.FitsImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BackgroundEstimatorTests {

	@Test
	void recoversGradientBackgroundAndNoise() {
		int size = 300;
		float[] pixels = new float[size * size];
		SplittableRandom random = new SplittableRandom(7);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				pixels[y * size + x] = (float) (10 + 0.01 * x + 2 * random.nextGaussian());
			}
		}
		pixels[150 * size + 150] = 1e6f;
		FitsImage image = new FitsImage("test", size, size, pixels, "", null, null);
		try (ParallelExecutor executor = new ParallelExecutor(2)) {
			BackgroundMap map = new BackgroundEstimator(64).estimate(image, executor);
			assertThat(map.noise(150, 150)).isCloseTo(2, within(0.15));
			assertThat(map.background(50, 100)).isCloseTo(10.5, within(0.4));
			assertThat(map.background(250, 100)).isCloseTo(12.5, within(0.4));
			assertThat(map.medianNoise()).isCloseTo(2, within(0.1));
		}
	}

	@Test
	void fillsBoxesWithoutValidPixelsFromNeighbours() {
		int size = 200;
		float[] pixels = new float[size * size];
		SplittableRandom random = new SplittableRandom(8);
		for (int k = 0; k < pixels.length; k++) {
			boolean blank = (k % size) < 80;
			pixels[k] = blank ? Float.NaN : (float) random.nextGaussian();
		}
		FitsImage image = new FitsImage("test", size, size, pixels, "", null, null);
		try (ParallelExecutor executor = new ParallelExecutor(1)) {
			BackgroundMap map = new BackgroundEstimator(32).estimate(image, executor);
			assertThat(map.noise(5, 100)).isCloseTo(1, within(0.15));
			assertThat(map.background(5, 100)).isCloseTo(0, within(0.2));
		}
	}

}
