package io.caesarrest.finder.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.caesarrest.finder.FinderOptions;
import io.caesarrest.finder.SourceFinder;
import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.DetectionSummary;
import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import io.caesarrest.finder.simulate.TruthSource;

/**
 * Completeness–reliability curves on one simulated field: sfinder at fixed seeds and with
 * its default (false discovery rate) seed, SExtractor at the same peak cuts, and the
 * ideal detector that knows the positions.
 */
final class CurveBenchmark {

	private static final double[] CUTS = { 4.0, 4.25, 4.5, 4.75, 5.0, 5.5 };

	private CurveBenchmark() {
	}

	/**
	 * Runs the curve for a field given as {@code SIZExBEAM} or {@code SIZExBEAMxENTRIES}.
	 */
	static void run(Path work, String spec, int threads) throws Exception {
		String[] parts = spec.split("x");
		int size = Integer.parseInt(parts[0]);
		double beam = Double.parseDouble(parts[1]);
		int entries = (parts.length > 2) ? Integer.parseInt(parts[2]) : -1;
		SimulationOptions options = SimulationOptions.defaults(size, size + 7).withBeam(beam, entries);
		Path image = work.resolve("curve" + spec + ".fits");
		List<TruthSource> truth = SkySimulator.simulate(options, image, null, threads);
		System.out.printf(Locale.ROOT, "%n### Curve: %dx%d, beam %.1f px, noise autocorrelation = beam, %d injected%n",
				size, size, beam, truth.size());
		System.out.println("| finder | seed / peak cut (σ) | C(5-7) | C(7-10) | C(>=10) | reliability | reported |");
		System.out.println("|---|---|---|---|---|---|---|");
		Catalog auto = SourceFinder
			.run(FinderOptions.defaults().withExtraOutputs(false), image, work.resolve("curve"), "auto")
			.catalog();
		DetectionSummary chosen = auto.metadata().detection();
		row(String.format(Locale.ROOT, "sfinder default (fdr %.2f, est. %.4f)", chosen.fdrTarget(),
				chosen.estimatedFdr()), chosen.seedThreshold(), truth, FinderBenchmark.detections(auto), beam);
		List<Detection> sex = SextractorRunner.available()
				? new SextractorRunner(work).run(image, Math.PI / (4 * Math.log(2)) * beam * beam, 0).detections()
				: null;
		for (double cut : CUTS) {
			FinderOptions fixed = FinderOptions.defaults()
				.withThresholds(cut, Math.min(2.6, cut))
				.withFdr(0)
				.withExtraOutputs(false);
			Catalog catalog = SourceFinder.run(fixed, image, work.resolve("curve"), "fixed").catalog();
			row("sfinder", cut, truth, FinderBenchmark.detections(catalog), beam);
			if (sex != null) {
				List<Detection> kept = new ArrayList<>();
				sex.stream().filter((d) -> d.snr() >= cut).forEach(kept::add);
				row("SExtractor", cut, truth, kept, beam);
			}
			System.out.printf(Locale.ROOT, "| ideal (known positions) | %.2f | %.3f | %.3f | %.3f | — | — |%n", cut,
					IdealDetector.completeness(truth, cut, 5, 7), IdealDetector.completeness(truth, cut, 7, 10),
					IdealDetector.completeness(truth, cut, 10, Double.POSITIVE_INFINITY));
		}
	}

	private static void row(String finder, double cut, List<TruthSource> truth, List<Detection> found, double beam) {
		Scorecard score = new Scorecard(truth, found, beam);
		System.out.printf(Locale.ROOT, "| %s | %.2f | %.3f | %.3f | %.3f | %.4f | %d |%n", finder, cut,
				score.completeness(5, 7), score.completeness(7, 10), score.completeness(10, Double.POSITIVE_INFINITY),
				score.reliability(0), found.size());
	}

}
