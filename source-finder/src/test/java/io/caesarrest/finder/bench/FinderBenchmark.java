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
	 * @param args
	 * {@code [workdir] [sizes, e.g. 4000,8000] [curve seeds, e.g. 3.5,4,4.5,5]}
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		System.setProperty("java.awt.headless", "true");
		Path work = Path.of((args.length > 0) ? args[0] : "target/bench");
		String sizes = (args.length > 1) ? args[1] : "4000,8000";
		String seeds = (args.length > 2) ? args[2] : "3.5,4,4.5,5,5.5";
		Files.createDirectories(work);
		int threads = Runtime.getRuntime().availableProcessors();
		System.out.printf(Locale.ROOT, "# sfinder benchmark: %d threads, max heap %d MiB, SExtractor %s%n", threads,
				Runtime.getRuntime().maxMemory() >> 20, SextractorRunner.available() ? "installed" : "not installed");
		warmUp(work, threads);
		boolean first = true;
		for (String size : sizes.split(",")) {
			field(work, Integer.parseInt(size.trim()), threads, first ? seeds : "");
			first = false;
		}
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

	private static void field(Path work, int size, int threads, String seeds) throws Exception {
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
		Report.print("sfinder", new Scorecard(truth, found, options.beamPixels()), found.size());
		if (sextractor) {
			double sexBest = min(sexSeconds);
			double sexMedian = Scorecard.median(sexSeconds);
			System.out.printf(Locale.ROOT,
					"sextractor best of %d: %.2f s, %.1f Mpix/s; median %.2f s, %.1f Mpix/s%n"
							+ "speed ratio sfinder/SExtractor (runs interleaved): best %.2f, median %.2f%n",
					RUNS, sexBest, mpix / sexBest, sexMedian, mpix / sexMedian, sexBest / best, sexMedian / median);
			Report.print("sextractor", new Scorecard(truth, sex.detections(), options.beamPixels()),
					sex.detections().size());
		}
		if (!seeds.isEmpty()) {
			curve(work, image, truth, options, seeds, threads);
		}
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

	private static void curve(Path work, Path image, List<TruthSource> truth, SimulationOptions options, String seeds,
			int threads) throws Exception {
		System.out.println();
		System.out.println("completeness-reliability curve (reliability over the whole reported catalog)");
		System.out.println("| finder | seed / peak cut | C(5-7) | C(7-10) | C(>=10) | reliability | reported |");
		System.out.println("|---|---|---|---|---|---|---|");
		List<Detection> sex = null;
		if (SextractorRunner.available()) {
			sex = new SextractorRunner(work).run(image, Math.PI / (4 * Math.log(2)) * 16, 0).detections();
		}
		for (String seed : seeds.split(",")) {
			double s = Double.parseDouble(seed.trim());
			FinderOptions finder = FinderOptions.defaults()
				.withThresholds(s, Math.min(2.6, s))
				.withFdr(0)
				.withExtraOutputs(false);
			Catalog catalog = SourceFinder.run(finder, image, work.resolve("curve"), "seed" + seed).catalog();
			List<Detection> found = detections(catalog);
			Report.curveRow("sfinder", s, new Scorecard(truth, found, options.beamPixels()), found.size());
			if (sex != null) {
				List<Detection> cut = new ArrayList<>();
				sex.stream().filter((d) -> d.snr() >= s).forEach(cut::add);
				Report.curveRow("SExtractor", s, new Scorecard(truth, cut, options.beamPixels()), cut.size());
			}
		}
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
