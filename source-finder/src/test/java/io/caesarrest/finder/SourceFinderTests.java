package io.caesarrest.finder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.caesarrest.finder.bench.CrossMatch;
import io.caesarrest.finder.bench.Detection;
import io.caesarrest.finder.bench.Scorecard;
import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.catalog.DetectionSummary;
import io.caesarrest.finder.catalog.SourceFlags;
import io.caesarrest.finder.fits.Beam;
import io.caesarrest.finder.fits.FitsImage;
import io.caesarrest.finder.fits.FitsImageReader;
import io.caesarrest.finder.fits.FitsImageWriter;
import io.caesarrest.finder.simulate.NoiseModel;
import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import io.caesarrest.finder.simulate.TruthSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SourceFinderTests {

	private static final FinderOptions OPTIONS = FinderOptions.defaults().withExtraOutputs(false);

	@TempDir
	Path dir;

	@Test
	void recoversInjectedSourcesAboveSevenSigma() {
		Path image = this.dir.resolve("sky.fits");
		List<TruthSource> truth = SkySimulator.simulate(SimulationOptions.defaults(768, 11), image, null, 2);
		Catalog catalog = SourceFinder.run(OPTIONS, image, this.dir.resolve("out"), "t").catalog();
		List<Detection> detections = detections(catalog);
		Scorecard score = new Scorecard(truth, detections, 4.0);
		assertThat(score.completeness(7, Double.POSITIVE_INFINITY)).isGreaterThanOrEqualTo(0.95);
		assertThat(score.reliability(5)).isGreaterThanOrEqualTo(0.98);
		assertThat(Scorecard.median(score.positionErrors(7))).isLessThan(0.5);
		assertThat(Scorecard.median(score.fluxRatios(7))).isCloseTo(1.0, within(0.1));
		CrossMatch match = new CrossMatch(truth, detections, 4.0);
		for (int t = 0; t < truth.size(); t++) {
			TruthSource source = truth.get(t);
			int d = match.detectionOf(t);
			if ("point".equals(source.kind()) && source.snr() > 7 && d >= 0 && isolated(truth, source)) {
				Detection found = detections.get(d);
				// a free-size Gaussian's integrated flux is uncertain by about 2.5/snr
				// when the
				// noise autocorrelation is the beam
				assertThat(Math.abs(found.intFlux() / source.intFlux() - 1)).isLessThan(6 / source.snr());
				assertThat(Math.hypot(found.x() - source.x(), found.y() - source.y())).isLessThan(10 / source.snr());
			}
		}
	}

	@Test
	void choosesASeedBelowFiveSigmaForTheTargetFalseDiscoveryRate() {
		Path image = this.dir.resolve("sky.fits");
		List<TruthSource> truth = SkySimulator.simulate(SimulationOptions.defaults(1024, 12), image, null, 2);
		Catalog catalog = SourceFinder.run(OPTIONS, image, this.dir.resolve("out"), "fdr").catalog();
		DetectionSummary detection = catalog.metadata().detection();
		assertThat(detection.method()).isEqualTo("fdr");
		assertThat(detection.seedThreshold()).isBetween(4.0, 5.0);
		assertThat(detection.estimatedFdr()).isLessThanOrEqualTo(0.01);
		List<Detection> found = detections(catalog);
		Scorecard score = new Scorecard(truth, found, 4.0);
		assertThat(score.reliability(0)).as("reliability over the whole catalog").isGreaterThanOrEqualTo(0.97);
		Catalog fixed = SourceFinder.run(OPTIONS.withFdr(0), image, this.dir.resolve("fixed"), "fixed").catalog();
		assertThat(fixed.metadata().detection().method()).isEqualTo("fixed");
		assertThat(fixed.metadata().detection().seedThreshold()).isEqualTo(5.0);
		assertThat(score.completeness(4, 7))
			.isGreaterThan(new Scorecard(truth, detections(fixed), 4.0).completeness(4, 7));
	}

	@Test
	void findsAlmostNothingInPureNoise() {
		Path image = this.dir.resolve("noise.fits");
		SkySimulator.simulate(new SimulationOptions(1024, 3, 1e-4, 4, 0, 0, 0, 0), image, null, 2);
		Catalog catalog = SourceFinder.run(OPTIONS, image, this.dir.resolve("out"), "noise").catalog();
		assertThat(catalog.sources()).hasSizeLessThanOrEqualTo(3);
		assertThat(catalog.metadata().medianNoise()).isCloseTo(1e-4, within(5e-6));
	}

	@Test
	void seedsFaintSourcesThroughTheMatchedFilterWhereItGains() {
		Path noise = this.dir.resolve("noise.fits");
		SkySimulator.simulate(new SimulationOptions(1024, 8, 1e-4, 4, 0, 0, 0, 0).withNoise(NoiseModel.SMOOTHED), noise,
				null, 2);
		FitsImage image = new FitsImageReader().read(noise);
		double sigma = Beam.sigmaFromFwhm(4);
		List<double[]> injected = new ArrayList<>();
		for (int gy = 0; gy < 10; gy++) {
			for (int gx = 0; gx < 10; gx++) {
				double cx = 60 + 100 * gx + 0.25 * (gx % 3);
				double cy = 60 + 100 * gy + 0.25 * (gy % 3);
				injected.add(new double[] { cx, cy });
				for (int y = (int) cy - 12; y <= cy + 12; y++) {
					for (int x = (int) cx - 12; x <= cx + 12; x++) {
						double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
						image.pixels()[y * 1024 + x] += (float) (5e-4 * Math.exp(-0.5 * r2 / (sigma * sigma)));
					}
				}
			}
		}
		Path faint = this.dir.resolve("faint.fits");
		new FitsImageWriter().write(faint, 1024, 1024, image.pixels(),
				Map.of("BUNIT", "JY/BEAM", "BMAJ", 8 / 3600.0, "BMIN", 8 / 3600.0, "CTYPE1", "RA---SIN", "CTYPE2",
						"DEC--SIN", "CDELT1", -2 / 3600.0, "CDELT2", 2 / 3600.0));
		FinderOptions fixedSeed = OPTIONS.withFdr(0);
		Catalog filtered = SourceFinder.run(fixedSeed, faint, this.dir.resolve("on"), "on").catalog();
		Catalog plain = SourceFinder.run(fixedSeed.withFilter(false), faint, this.dir.resolve("off"), "off").catalog();
		int[] withFilter = matchedAndFalse(filtered, injected);
		int[] withoutFilter = matchedAndFalse(plain, injected);
		assertThat(filtered.metadata().detection().filterGain()).isBetween(1.15, 1.45);
		assertThat(Double.isNaN(plain.metadata().detection().filterGain())).isTrue();
		assertThat(withFilter[0]).isGreaterThanOrEqualTo(80);
		assertThat(withoutFilter[0]).isLessThanOrEqualTo(65);
		assertThat(withFilter[1]).isLessThanOrEqualTo(3);
		assertThat(withoutFilter[1]).isLessThanOrEqualTo(3);
	}

	private static int[] matchedAndFalse(Catalog catalog, List<double[]> injected) {
		int matched = 0;
		for (double[] position : injected) {
			matched += detections(catalog).stream()
				.anyMatch((d) -> Math.hypot(d.x() - position[0], d.y() - position[1]) < 4) ? 1 : 0;
		}
		int unmatched = 0;
		for (Detection d : detections(catalog)) {
			unmatched += injected.stream().noneMatch((p) -> Math.hypot(d.x() - p[0], d.y() - p[1]) < 4) ? 1 : 0;
		}
		return new int[] { matched, unmatched };
	}

	@Test
	void handlesNanBordersAndSmoothBackground() {
		Path sky = this.dir.resolve("sky.fits");
		List<TruthSource> truth = SkySimulator.simulate(new SimulationOptions(512, 4, 1e-4, 4, 120, 5e-4, 0, 0), sky,
				null, 2);
		FitsImage image = new FitsImageReader().read(sky);
		float[] pixels = image.pixels();
		for (int y = 0; y < 512; y++) {
			for (int x = 0; x < 512; x++) {
				if (x < 30 || y > 490 || (x > 200 && x < 260 && y > 200 && y < 260)) {
					pixels[y * 512 + x] = Float.NaN;
				}
			}
		}
		Path blanked = this.dir.resolve("blanked.fits");
		new FitsImageWriter().write(blanked, 512, 512, pixels, Map.of("BUNIT", "JY/BEAM", "BMAJ", 8 / 3600.0, "BMIN",
				8 / 3600.0, "CTYPE1", "RA---SIN", "CTYPE2", "DEC--SIN", "CDELT1", -2 / 3600.0, "CDELT2", 2 / 3600.0));
		Catalog catalog = SourceFinder.run(OPTIONS, blanked, this.dir.resolve("out"), "nan").catalog();
		assertThat(catalog.sources()).isNotEmpty();
		assertThat(catalog.sources()).allSatisfy((source) -> {
			assertThat(source.x()).isBetween(30.0, 511.0);
			assertThat(Double.isFinite(source.intFlux())).isTrue();
		});
		Scorecard score = new Scorecard(truth, detections(catalog), 4.0);
		assertThat(score.reliability(5)).isGreaterThanOrEqualTo(0.95);
		assertThat(catalog.metadata().medianBackground()).isBetween(1e-4, 5e-4);
	}

	@Test
	void flagsIslandsTouchingBlankPixels() {
		Path sky = this.dir.resolve("sky.fits");
		SkySimulator.simulate(new SimulationOptions(256, 4, 1e-4, 4, 0, 0, 0, 0), sky, null, 1);
		FitsImage image = new FitsImageReader().read(sky);
		float[] pixels = image.pixels();
		for (int y = 0; y < 256; y++) {
			for (int x = 0; x < 256; x++) {
				double r = Math.hypot(x - 100.5, y - 100);
				pixels[y * 256 + x] += (float) (5e-3 * Math.exp(-0.5 * r * r / 4));
				pixels[y * 256 + x] = (x > 100) ? Float.NaN : pixels[y * 256 + x];
			}
		}
		Path blanked = this.dir.resolve("half.fits");
		new FitsImageWriter().write(blanked, 256, 256, pixels, Map.of("BUNIT", "JY/BEAM"));
		Catalog catalog = SourceFinder.run(OPTIONS, blanked, this.dir.resolve("out"), "half").catalog();
		assertThat(catalog.sources()).isNotEmpty();
		assertThat(catalog.sources().get(0).flags() & SourceFlags.BLANK).isEqualTo(SourceFlags.BLANK);
	}

	static List<Detection> detections(Catalog catalog) {
		List<Detection> detections = new ArrayList<>();
		for (var source : catalog.sources()) {
			for (CatalogComponent c : source.components()) {
				detections.add(new Detection(c.x(), c.y(), c.intFlux(), c.snr()));
			}
		}
		return detections;
	}

	private static boolean isolated(List<TruthSource> truth, TruthSource source) {
		return truth.stream()
			.filter((other) -> other != source)
			.noneMatch((other) -> Math.hypot(other.x() - source.x(), other.y() - source.y()) < 12);
	}

}
