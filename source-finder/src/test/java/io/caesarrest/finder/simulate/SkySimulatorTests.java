package io.caesarrest.finder.simulate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.caesarrest.finder.background.RobustStatistics;
import io.caesarrest.finder.fits.FitsImage;
import io.caesarrest.finder.fits.FitsImageReader;
import io.caesarrest.finder.wcs.SkyPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SkySimulatorTests {

	@TempDir
	Path dir;

	@Test
	void isDeterministicBySeed() throws Exception {
		SimulationOptions options = SimulationOptions.defaults(256, 42);
		SkySimulator.simulate(options, this.dir.resolve("a.fits"), this.dir.resolve("a.csv"), 2);
		SkySimulator.simulate(options, this.dir.resolve("b.fits"), this.dir.resolve("b.csv"), 1);
		SkySimulator.simulate(SimulationOptions.defaults(256, 43), this.dir.resolve("c.fits"), null, 2);
		assertThat(Files.mismatch(this.dir.resolve("a.fits"), this.dir.resolve("b.fits"))).isEqualTo(-1);
		assertThat(Files.mismatch(this.dir.resolve("a.csv"), this.dir.resolve("b.csv"))).isEqualTo(-1);
		assertThat(Files.mismatch(this.dir.resolve("a.fits"), this.dir.resolve("c.fits"))).isNotEqualTo(-1);
	}

	@Test
	void writesBeamCorrelatedNoiseAtRequestedRms() {
		SimulationOptions options = new SimulationOptions(512, 5, 2e-4, 4, 0, 0, 0, 0);
		Path file = this.dir.resolve("noise.fits");
		SkySimulator.simulate(options, file, null, 2);
		FitsImage image = new FitsImageReader().read(file);
		float[] pixels = image.pixels().clone();
		double[] stats = RobustStatistics.clippedMedianSigma(pixels, pixels.length, new float[pixels.length], 5, 1);
		assertThat(stats[1]).isCloseTo(2e-4, within(1e-5));
		assertThat(correlation(image, 1)).isGreaterThan(0.8);
		assertThat(correlation(image, 2)).as("autocorrelation at half the beam FWHM").isCloseTo(0.5, within(0.05));
		assertThat(correlation(image, 8)).isLessThan(0.1);
		assertThat(image.beam().majorDeg() * 3600).isCloseTo(8, within(1e-9));
		assertThat(image.isPerBeam()).isTrue();
	}

	@Test
	void keepsTheOlderSmoothedNoiseAsANamedModel() {
		SimulationOptions options = new SimulationOptions(512, 5, 2e-4, 4, 0, 0, 0, 0).withNoise(NoiseModel.SMOOTHED);
		Path file = this.dir.resolve("smoothed.fits");
		SkySimulator.simulate(options, file, null, 2);
		FitsImage image = new FitsImageReader().read(file);
		float[] pixels = image.pixels().clone();
		double[] stats = RobustStatistics.clippedMedianSigma(pixels, pixels.length, new float[pixels.length], 5, 1);
		assertThat(stats[1]).isCloseTo(2e-4, within(1e-5));
		assertThat(correlation(image, 2)).as("beam convolved with itself: 0.5^(1/2)").isCloseTo(0.707, within(0.05));
	}

	@Test
	void writesTruthCatalogMatchingTheImage() {
		SimulationOptions options = new SimulationOptions(256, 9, 1e-4, 4, 40, 0, 0.2, 0.2);
		Path file = this.dir.resolve("sky.fits");
		Path csv = this.dir.resolve("sky.csv");
		List<TruthSource> injected = SkySimulator.simulate(options, file, csv, 2);
		List<TruthSource> read = TruthCatalog.read(csv);
		assertThat(read).hasSameSizeAs(injected).hasSizeGreaterThan(40);
		assertThat(read.stream().map(TruthSource::kind).distinct()).contains("point", "pair", "extended");
		assertThat(read).allSatisfy((s) -> assertThat(s.snr()).isBetween(2.0, 200.0));
		FitsImage image = new FitsImageReader().read(file);
		TruthSource first = read.get(0);
		SkyPosition sky = image.wcs().toSky(first.x(), first.y());
		assertThat(sky.separationDeg(new SkyPosition(first.ra(), first.dec()))).isLessThan(1e-6);
	}

	private static double correlation(FitsImage image, int lag) {
		double sum = 0;
		double sumSquares = 0;
		for (int y = 0; y < image.height(); y++) {
			for (int x = 0; x + lag < image.width(); x++) {
				sum += image.get(x, y) * image.get(x + lag, y);
				sumSquares += image.get(x, y) * image.get(x, y);
			}
		}
		return sum / sumSquares;
	}

}
