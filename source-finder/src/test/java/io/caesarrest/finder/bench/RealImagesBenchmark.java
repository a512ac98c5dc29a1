package io.caesarrest.finder.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.caesarrest.finder.FinderOptions;
import io.caesarrest.finder.SourceFinder;
import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.fits.FitsImage;
import io.caesarrest.finder.fits.FitsImageReader;
import io.caesarrest.finder.fits.FitsImageWriter;
import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import io.caesarrest.finder.simulate.TruthSource;
import io.caesarrest.finder.wcs.SkyPosition;

/**
 * Real images and units: 1904-66_SIN.fits against Aegean's published catalog (and
 * SExtractor), the ATCA Scorpio field against SExtractor, and integrated fluxes on a
 * simulated image without BUNIT against SExtractor's.
 */
final class RealImagesBenchmark {

	private static final FinderOptions DEFAULTS = FinderOptions.defaults().withExtraOutputs(false);

	private RealImagesBenchmark() {
	}

	static void run(Path work, Path shared, int threads) throws Exception {
		withoutBunit(work, threads);
		if (Files.isRegularFile(shared.resolve("1904-66_SIN.fits"))
				&& Files.isRegularFile(shared.resolve("1904_comp.fits"))) {
			new ReferenceComparison(work).compare(shared.resolve("1904-66_SIN.fits"), shared.resolve("1904_comp.fits"));
		}
		if (Files.isRegularFile(shared.resolve("ScorpioS17Field.fits")) && SextractorRunner.available()) {
			scorpio(work, shared.resolve("ScorpioS17Field.fits"));
		}
	}

	/**
	 * A synthetic_test-like image: a simulated sky written without BUNIT (beam and WCS
	 * kept); sfinder's integrated fluxes against SExtractor's FLUX_AUTO over the beam
	 * area and against the truth.
	 */
	private static void withoutBunit(Path work, int threads) throws Exception {
		int size = 2048;
		SimulationOptions options = SimulationOptions.defaults(size, 77);
		List<TruthSource> truth = SkySimulator.simulate(options, work.resolve("unit.fits"), null, threads);
		FitsImage sky = new FitsImageReader().read(work.resolve("unit.fits"));
		double cdelt = SimulationOptions.PIXEL_ARCSEC / 3600;
		Map<String, Object> cards = new LinkedHashMap<>(
				Map.of("BMAJ", 4 * cdelt, "BMIN", 4 * cdelt, "BPA", 0.0, "CTYPE1", "RA---SIN", "CTYPE2", "DEC--SIN",
						"CDELT1", -cdelt, "CDELT2", cdelt, "CRVAL1", 150.0, "CRVAL2", -30.0));
		Path image = work.resolve("nobunit.fits");
		new FitsImageWriter().write(image, size, size, sky.pixels(), cards);
		Catalog catalog = SourceFinder.run(DEFAULTS, image, work.resolve("nobunit"), "nobunit").catalog();
		List<Detection> found = FinderBenchmark.detections(catalog);
		System.out.printf(Locale.ROOT, "%n### Image without BUNIT (simulated %dx%d, beam 4 px, BUNIT removed)%n", size,
				size);
		System.out.printf(Locale.ROOT, "sfinder: flux convention %s, integrated unit %s%n",
				catalog.metadata().units().convention(), catalog.metadata().units().integrated());
		double[] truthRatios = new Scorecard(truth, found, 4).fluxRatios(10);
		System.out.printf(Locale.ROOT, "sfinder / truth (isolated points S/N>10, n=%d): median %.3f scatter %.3f%n",
				truthRatios.length, Scorecard.median(truthRatios), Scorecard.robustScatter(truthRatios));
		if (SextractorRunner.available()) {
			List<Detection> sex = new SextractorRunner(work).run(image, catalog.metadata().beamAreaPixels(), 5)
				.detections();
			double[] ratios = PixelMatch.ratios(found, sex, 4, 10);
			System.out.printf(Locale.ROOT,
					"sfinder / SExtractor (FLUX_AUTO / beam area), matched within 1 FWHM, sfinder S/N>10, n=%d: "
							+ "median %.3f scatter %.3f%n",
					ratios.length, Scorecard.median(ratios), Scorecard.robustScatter(ratios));
		}
	}

	private static void scorpio(Path work, Path image) throws Exception {
		Catalog catalog = SourceFinder.run(DEFAULTS, image, work.resolve("scorpio"), "scorpio").catalog();
		List<Detection> found = FinderBenchmark.detections(catalog);
		double beam = catalog.metadata().beamMajor() / catalog.metadata().pixelScaleArcsec();
		List<Detection> sex = new SextractorRunner(work).run(image, catalog.metadata().beamAreaPixels(), 5)
			.detections();
		int[] match = PixelMatch.match(found, sex, beam);
		int matched = (int) Arrays.stream(match).filter((j) -> j >= 0).count();
		double[] ratios = PixelMatch.ratios(found, sex, beam, 10);
		System.out.printf(Locale.ROOT, "%n### ATCA Scorpio field (ScorpioS17Field.fits, beam %.1f px)%n", beam);
		System.out.printf(Locale.ROOT,
				"sfinder: %d islands, %d components, seed %.2f σ (%s, false islands estimate %d), noise %.3g %s, "
						+ "matched filter gain %.2f%n",
				catalog.sources().size(), found.size(), catalog.metadata().detection().seedThreshold(),
				catalog.metadata().detection().method(), catalog.metadata().detection().falseEstimate(),
				catalog.metadata().medianNoise(), catalog.metadata().units().peak(),
				catalog.metadata().detection().filterGain());
		System.out.printf(Locale.ROOT,
				"SExtractor (peak >= 5σ): %d detections; matched one to one within 1 FWHM in pixels: %d "
						+ "(%.0f %% of sfinder's, %.0f %% of SExtractor's); int flux sfinder/SExtractor "
						+ "(S/N>10, n=%d) median %.3f%n",
				sex.size(), matched, 100.0 * matched / found.size(), 100.0 * matched / sex.size(), ratios.length,
				Scorecard.median(ratios));
	}

	/**
	 * One-to-one pixel cross-match of two detection lists, nearest pairs first.
	 */
	static final class PixelMatch {

		private PixelMatch() {
		}

		static int[] match(List<Detection> a, List<Detection> b, double radius) {
			List<SkyPosition> bs = b.stream().map((d) -> new SkyPosition(d.x(), d.y())).toList();
			List<double[]> pairs = new ArrayList<>();
			for (int i = 0; i < a.size(); i++) {
				for (int j = 0; j < bs.size(); j++) {
					double distance = Math.hypot(a.get(i).x() - bs.get(j).ra(), a.get(i).y() - bs.get(j).dec());
					if (distance <= radius) {
						pairs.add(new double[] { distance, i, j });
					}
				}
			}
			pairs.sort((p, q) -> Double.compare(p[0], q[0]));
			int[] matched = new int[a.size()];
			Arrays.fill(matched, -1);
			boolean[] taken = new boolean[b.size()];
			for (double[] pair : pairs) {
				if (matched[(int) pair[1]] < 0 && !taken[(int) pair[2]]) {
					matched[(int) pair[1]] = (int) pair[2];
					taken[(int) pair[2]] = true;
				}
			}
			return matched;
		}

		static double[] ratios(List<Detection> a, List<Detection> b, double radius, double minSnr) {
			int[] match = match(a, b, radius);
			List<Double> ratios = new ArrayList<>();
			for (int i = 0; i < a.size(); i++) {
				if (match[i] >= 0 && a.get(i).snr() > minSnr) {
					ratios.add(a.get(i).intFlux() / b.get(match[i]).intFlux());
				}
			}
			return ratios.stream().mapToDouble(Double::doubleValue).toArray();
		}

	}

}
