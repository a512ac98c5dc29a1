package io.caesarrest.finder.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import io.caesarrest.finder.FinderOptions;
import io.caesarrest.finder.FinderResult;
import io.caesarrest.finder.SourceFinder;
import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.DetectionSummary;
import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import io.caesarrest.finder.simulate.TruthSource;

/**
 * Benchmark main: simulates fields, runs the finder (and SExtractor when installed) and
 * prints speed, memory, completeness, reliability and flux and position accuracy.
 */
public final class FinderBenchmark {

	private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

	private static final int RUNS = 11;

	/** Untimed runs on each field first, so that the JIT has compiled its hot paths. */
	private static final int WARM_UP_RUNS = 8;

	private FinderBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args {@code [workdir] [sizes, e.g. 4000,8000] [curve fields, e.g.
	 * 4000x4,4000x3.5x16032] [shared data folder]}
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		System.setProperty("java.awt.headless", "true");
		Path work = Path.of((args.length > 0) ? args[0] : "target/bench");
		String sizes = (args.length > 1) ? args[1] : "4000,8000";
		String curves = (args.length > 2) ? args[2] : "4000x4,4000x3.5x16032,8000x4,2048x6";
		Path shared = Path.of((args.length > 3) ? args[3] : "../shared/data");
		Files.createDirectories(work);
		int threads = Runtime.getRuntime().availableProcessors();
		System.out.printf(Locale.ROOT, "# sfinder benchmark: %d threads, max heap %d MiB, SExtractor %s%n", threads,
				Runtime.getRuntime().maxMemory() >> 20, SextractorRunner.available() ? "installed" : "not installed");
		warmUp(work, threads);
		for (String size : sizes.split(",")) {
			if (!size.isBlank()) {
				field(work, Integer.parseInt(size.trim()), threads);
			}
		}
		for (String curve : curves.split(",")) {
			if (!curve.isBlank()) {
				CurveBenchmark.run(work, curve.trim(), threads);
			}
		}
		RealImagesBenchmark.run(work, shared, threads);
	}

	/**
	 * Runs the finder once on a small image so that class loading and JIT compilation,
	 * paid once per JVM, are not charged to the first measured field.
	 */
	private static void warmUp(Path work, int threads) {
		Path image = work.resolve("warmup.fits");
		SkySimulator.simulate(SimulationOptions.defaults(2048, 1), image, null, threads);
		for (int run = 1; run <= 3; run++) {
			FinderResult result = SourceFinder.run(FinderOptions.defaults(), image, work.resolve("warmup"), "warmup");
			System.out.printf(Locale.ROOT, "warm-up %d on 2048x2048: %.2f s%n", run, result.seconds());
		}
	}

	private static void field(Path work, int size, int threads) throws Exception {
		Path image = work.resolve("sim" + size + ".fits");
		SimulationOptions options = SimulationOptions.defaults(size, size);
		List<TruthSource> truth = SkySimulator.simulate(options, image, work.resolve("sim" + size + ".csv"), threads);
		System.out.printf(Locale.ROOT, "%n## %dx%d, beam %.1f px, %d injected sources%n", size, size,
				options.beamPixels(), truth.size());
		double mpix = (double) size * size / 1e6;
		double imageMiB = 4.0 * size * size / (1 << 20);
		for (int run = 1; run <= WARM_UP_RUNS; run++) {
			SourceFinder.run(FinderOptions.defaults(), image, work.resolve("out" + size), "bench" + size);
		}
		boolean sextractor = SextractorRunner.available();
		double beamArea = 0;
		FinderResult result = null;
		SextractorRunner.Result sex = null;
		double[] finderSeconds = new double[RUNS];
		double[] sexSeconds = new double[RUNS];
		for (int run = 1; run <= RUNS; run++) {
			System.gc();
			resetPeaks();
			result = SourceFinder.run(FinderOptions.defaults(), image, work.resolve("out" + size), "bench" + size);
			long peak = peakHeap();
			finderSeconds[run - 1] = result.seconds();
			beamArea = result.catalog().metadata().beamAreaPixels();
			System.out.printf(Locale.ROOT,
					"sfinder run %d: wall %.2f s, %.1f Mpix/s, peak heap %d MiB (target %.0f MiB), %s%n", run,
					result.seconds(), mpix / result.seconds(), peak >> 20, 3 * imageMiB + 64,
					rounded(result.catalog().metadata().timings()));
			if (sextractor) {
				sex = new SextractorRunner(work).run(image, beamArea, 5.0);
				sexSeconds[run - 1] = sex.seconds();
				System.out.printf(Locale.ROOT, "sextractor run %d: wall %.2f s, %.1f Mpix/s%n", run, sex.seconds(),
						mpix / sex.seconds());
			}
		}
		double best = min(finderSeconds);
		double median = Scorecard.median(finderSeconds);
		System.out.printf(Locale.ROOT, "sfinder best of %d: %.2f s, %.1f Mpix/s; median %.2f s, %.1f Mpix/s%n", RUNS,
				best, mpix / best, median, mpix / median);
		System.out.printf(Locale.ROOT, "sfinder cold CLI run (new JVM, JVM start excluded): %s; with %s: %s%n",
				ColdRun.seconds(image, work.resolve("cold" + size), ""), C1_ONLY,
				ColdRun.seconds(image, work.resolve("cold" + size), C1_ONLY));
		List<Detection> found = detections(result.catalog());
		Scorecard finderScore = new Scorecard(truth, found, options.beamPixels());
		DetectionSummary detection = result.catalog().metadata().detection();
		System.out.printf(Locale.ROOT,
				"sfinder seed %.2f σ (%s, target %.2f): false islands estimate %d, fdr estimate %.4f%n",
				detection.seedThreshold(), detection.method(), detection.fdrTarget(), detection.falseEstimate(),
				detection.estimatedFdr());
		Report.print("sfinder", finderScore, found.size());
		Scorecard sexScore = null;
		if (sextractor) {
			double sexBest = min(sexSeconds);
			double sexMedian = Scorecard.median(sexSeconds);
			System.out.printf(Locale.ROOT,
					"sextractor best of %d: %.2f s, %.1f Mpix/s; median %.2f s, %.1f Mpix/s%n"
							+ "speed ratio sfinder/SExtractor (runs interleaved): best %.2f, median %.2f%n",
					RUNS, sexBest, mpix / sexBest, sexMedian, mpix / sexMedian, sexBest / best, sexMedian / median);
			sexScore = new Scorecard(truth, sex.detections(), options.beamPixels());
			Report.print("sextractor", sexScore, sex.detections().size());
		}
		Report.bins(truth, finderScore, sexScore, detection.seedThreshold());
	}

	private static double min(double[] values) {
		double min = Double.POSITIVE_INFINITY;
		for (double v : values) {
			min = Math.min(min, v);
		}
		return min;
	}

	private static Map<String, String> rounded(Map<String, Double> timings) {
		Map<String, String> rounded = new LinkedHashMap<>();
		timings.forEach((stage, seconds) -> rounded.put(stage, String.format(Locale.ROOT, "%.3f", seconds)));
		return rounded;
	}

	static List<Detection> detections(Catalog catalog) {
		List<Detection> detections = new ArrayList<>();
		catalog.sources()
			.forEach((source) -> source.components()
				.forEach((c) -> detections.add(new Detection(c.x(), c.y(), c.intFlux(), c.snr()))));
		return detections;
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeap() {
		long total = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				total += pool.getPeakUsage().getUsed();
			}
		}
		return total;
	}

}
