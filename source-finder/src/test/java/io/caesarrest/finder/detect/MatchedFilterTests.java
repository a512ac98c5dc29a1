package io.caesarrest.finder.detect;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import io.caesarrest.finder.background.BackgroundEstimator;
import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.background.RobustStatistics;
import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.fits.Beam;
import io.caesarrest.finder.fits.FitsImage;
import io.caesarrest.finder.fits.FitsImageReader;
import io.caesarrest.finder.fits.FitsImageWriter;
import io.caesarrest.finder.simulate.NoiseModel;
import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MatchedFilterTests {

	private static final double RMS = 1e-4;

	private static final double BEAM_SIGMA = Beam.sigmaFromFwhm(4);

	@TempDir
	Path dir;

	@Test
	void switchesItselfOffWhenTheNoiseAutocorrelationIsTheBeam() {
		Path path = this.dir.resolve("noise.fits");
		SkySimulator.simulate(new SimulationOptions(1024, 5, RMS, 4, 0, 0, 0, 0), path, null, 2);
		FitsImage image = new FitsImageReader().read(path);
		try (ParallelExecutor executor = new ParallelExecutor(2)) {
			BackgroundMap map = new BackgroundEstimator(80).estimate(image, executor);
			assertThat(MatchedFilter.estimate(image, map, executor)).isNull();
		}
	}

	@Test
	void gainsOverThePixelSignificanceInNoiseSmoothedByTheBeam() {
		Path path = this.dir.resolve("noise.fits");
		SkySimulator.simulate(new SimulationOptions(1024, 5, RMS, 4, 0, 0, 0, 0).withNoise(NoiseModel.SMOOTHED), path,
				null, 2);
		FitsImage image = new FitsImageReader().read(path);
		try (ParallelExecutor executor = new ParallelExecutor(2)) {
			BackgroundMap map = new BackgroundEstimator(80).estimate(image, executor);
			MatchedFilter filter = MatchedFilter.estimate(image, map, executor);
			assertThat(filter).isNotNull();
			assertThat(filter.gain()).isBetween(1.15, 1.45);
			double[] noise = robustStats(filter, image, map);
			assertThat(noise[0]).isCloseTo(0, within(0.05));
			assertThat(noise[1]).isCloseTo(1, within(0.05));
			double before = filter.significance(image, 500, 500, (float) map.background(500, 500),
					(float) map.noise(500, 500));
			addPointSource(image.pixels(), image.width(), 500, 500, 4 * map.noise(500, 500));
			double after = filter.significance(image, 500, 500, (float) map.background(500, 500),
					(float) map.noise(500, 500));
			assertThat(after - before).isCloseTo(4 * filter.gain(), within(1e-3 * filter.gain()));
		}
	}

	@Test
	void reachesTheClassicMatchedFilterGainInWhiteNoise() {
		int size = 512;
		float[] pixels = new float[size * size];
		SplittableRandom random = new SplittableRandom(9);
		for (int k = 0; k < pixels.length; k++) {
			pixels[k] = (float) (RMS * random.nextGaussian());
		}
		FitsImage image = write(size, pixels, true);
		try (ParallelExecutor executor = new ParallelExecutor(2)) {
			BackgroundMap map = new BackgroundEstimator(80).estimate(image, executor);
			MatchedFilter filter = MatchedFilter.estimate(image, map, executor);
			double sumOfSquares = 0;
			for (int dy = -4; dy <= 4; dy++) {
				for (int dx = -4; dx <= 4; dx++) {
					double b = Math.exp(-0.5 * (dx * dx + dy * dy) / (BEAM_SIGMA * BEAM_SIGMA));
					sumOfSquares += b * b;
				}
			}
			assertThat(filter).isNotNull();
			assertThat(filter.gain()).isCloseTo(Math.sqrt(sumOfSquares), within(0.1 * Math.sqrt(sumOfSquares)));
			assertThat(robustStats(filter, image, map)[1]).isCloseTo(1, within(0.05));
		}
	}

	@Test
	void isNotUsedWithoutABeam() {
		float[] pixels = new float[256 * 256];
		SplittableRandom random = new SplittableRandom(2);
		for (int k = 0; k < pixels.length; k++) {
			pixels[k] = (float) random.nextGaussian();
		}
		FitsImage image = write(256, pixels, false);
		try (ParallelExecutor executor = new ParallelExecutor(1)) {
			BackgroundMap map = new BackgroundEstimator(64).estimate(image, executor);
			assertThat(MatchedFilter.estimate(image, map, executor)).isNull();
		}
	}

	private FitsImage write(int size, float[] pixels, boolean beam) {
		Path path = this.dir.resolve("image.fits");
		Map<String, Object> cards = beam ? Map.of("BUNIT", "JY/BEAM", "BMAJ", 8 / 3600.0, "BMIN", 8 / 3600.0, "CTYPE1",
				"RA---SIN", "CTYPE2", "DEC--SIN", "CDELT1", -2 / 3600.0, "CDELT2", 2 / 3600.0)
				: Map.of("BUNIT", "JY/BEAM");
		new FitsImageWriter().write(path, size, size, pixels, cards);
		return new FitsImageReader().read(path);
	}

	private static double[] robustStats(MatchedFilter filter, FitsImage image, BackgroundMap map) {
		float[] values = new float[0];
		int n = 0;
		for (int y = 20; y < image.height() - 20; y += 5) {
			for (int x = 20; x < image.width() - 20; x += 5) {
				if (n == values.length) {
					values = Arrays.copyOf(values, Math.max(1024, 2 * n));
				}
				values[n++] = (float) filter.significance(image, x, y, (float) map.background(x, y),
						(float) map.noise(x, y));
			}
		}
		return RobustStatistics.clippedMedianSigma(values, n, new float[n], 5, 2);
	}

	private static void addPointSource(float[] pixels, int width, int cx, int cy, double peak) {
		for (int y = cy - 12; y <= cy + 12; y++) {
			for (int x = cx - 12; x <= cx + 12; x++) {
				double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
				pixels[y * width + x] += (float) (peak * Math.exp(-0.5 * r2 / (BEAM_SIGMA * BEAM_SIGMA)));
			}
		}
	}

}
