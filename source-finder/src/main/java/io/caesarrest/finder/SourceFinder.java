package io.caesarrest.finder;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.caesarrest.finder.background.BackgroundEstimator;
import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogMetadata;
import io.caesarrest.finder.catalog.CatalogSource;
import io.caesarrest.finder.catalog.DetectionSummary;
import io.caesarrest.finder.catalog.FluxUnits;
import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.detect.DetectionSettings;
import io.caesarrest.finder.detect.Island;
import io.caesarrest.finder.detect.IslandDetector;
import io.caesarrest.finder.detect.MatchedFilter;
import io.caesarrest.finder.detect.SeedChoice;
import io.caesarrest.finder.fits.FitsImage;
import io.caesarrest.finder.fits.FitsImageReader;
import io.caesarrest.finder.fits.FluxUnit;
import io.caesarrest.finder.output.CatalogWriters;

/**
 * The compact source finder: reads a FITS image, estimates background and noise, detects
 * and measures islands, fits components and writes the catalogs.
 */
public final class SourceFinder {

	private static final int MIN_BOXES_ACROSS = 6;

	private static final int MIN_BOX_PIXELS = 8;

	private SourceFinder() {
	}

	/**
	 * Runs the finder and writes all outputs into {@code outDir}.
	 * @param options the options
	 * @param input the FITS image
	 * @param outDir the output directory (created if missing)
	 * @param id the run id used in output file names
	 * @return the result
	 * @throws io.caesarrest.finder.fits.UnsupportedImageException if the image cannot be
	 * used
	 */
	public static FinderResult run(FinderOptions options, Path input, Path outDir, String id) {
		Stopwatch watch = new Stopwatch();
		FitsImage image = new FitsImageReader().read(input);
		watch.lap("read");
		try (ParallelExecutor executor = new ParallelExecutor(options.threads())) {
			Catalog catalog = find(options, image, watch, executor);
			CatalogWriters writers = new CatalogWriters(options.plot(), options.regions(), options.votable());
			List<Path> files = writers.write(catalog, image, outDir, id, executor);
			watch.lap("write");
			return new FinderResult(catalog, files, watch.total());
		}
	}

	/**
	 * Runs detection and measurement on an image already in memory.
	 * @param options the options
	 * @param image the image
	 * @param watch the stopwatch receiving stage timings
	 * @param executor the executor for parallel stages
	 * @return the catalog
	 */
	static Catalog find(FinderOptions options, FitsImage image, Stopwatch watch, ParallelExecutor executor) {
		int box = boxPixels(options, image);
		BackgroundMap map = new BackgroundEstimator(box).estimate(image, executor);
		watch.lap("background");
		double lowest = options.automaticSeed() ? Math.min(FinderOptions.MIN_AUTO_SEED, options.seedThreshold())
				: options.seedThreshold();
		DetectionSettings settings = new DetectionSettings(lowest, Math.min(options.mergeThreshold(), lowest),
				options.minPixels());
		MatchedFilter filter = options.filter() ? MatchedFilter.estimate(image, map, executor) : null;
		IslandDetector detector = new IslandDetector(settings, filter);
		IslandDetector.Detections detections = detector.detectWithNegated(image, map, executor);
		List<Island> islands = detections.islands();
		float[] negative = SeedChoice.seeds(detections.negated());
		float[] positive = SeedChoice.seeds(islands);
		SeedChoice seed = options.automaticSeed()
				? SeedChoice.choose(positive, negative, lowest, options.seedThreshold(), options.fdr())
				: SeedChoice.fixed(positive, negative, options.seedThreshold());
		List<Island> kept = islands.stream().filter((island) -> island.seed() >= seed.seedThreshold()).toList();
		watch.lap("detect");
		FinderOptions applied = options.withThresholds(seed.seedThreshold(), options.mergeThreshold());
		List<CatalogSource> sources = new IslandProcessor(applied, image, map).process(kept, executor);
		watch.lap("measure");
		return new Catalog(metadata(applied, image, map, box, summary(options, seed, filter), watch.laps()), sources);
	}

	private static DetectionSummary summary(FinderOptions options, SeedChoice seed, MatchedFilter filter) {
		return new DetectionSummary(seed.seedThreshold(), options.mergeThreshold(),
				options.automaticSeed() ? "fdr" : "fixed", seed.fdr(), seed.falseEstimate(), seed.estimatedFdr(),
				(filter != null) ? filter.gain() : Double.NaN);
	}

	/**
	 * Returns the background box in pixels: {@code boxsize} beams, but at most a sixth of
	 * the shorter image side, so that on a small map the noise can follow its variations
	 * (scan edges, primary beam) instead of being one value.
	 */
	static int boxPixels(FinderOptions options, FitsImage image) {
		double beam = image.beamMajorPixels(0);
		int box = (beam > 0) ? (int) Math.round(options.boxSizeBeams() * beam) : FinderOptions.FALLBACK_BOX_PIXELS;
		return Math.min(box, Math.max(MIN_BOX_PIXELS, Math.min(image.width(), image.height()) / MIN_BOXES_ACROSS));
	}

	private static CatalogMetadata metadata(FinderOptions options, FitsImage image, BackgroundMap map, int box,
			DetectionSummary detection, Map<String, Double> timings) {
		boolean sky = image.wcs() != null;
		double beamMajor = (image.beam() != null) ? image.beam().majorDeg() * 3600 : Double.NaN;
		double beamMinor = (image.beam() != null) ? image.beam().minorDeg() * 3600 : Double.NaN;
		double beamPa = (image.beam() != null) ? image.beam().paDeg() : Double.NaN;
		FluxUnit unit = image.fluxUnit();
		FluxUnits units = new FluxUnits(image.unit(), unit.peakUnit(image.unit()), unit.integratedUnit(image.unit()),
				unit.name().toLowerCase(Locale.ROOT));
		return new CatalogMetadata(image.name(), image.width(), image.height(), units, sky ? "arcsec" : "pixel",
				beamMajor, beamMinor, beamPa, image.beamAreaPixels(), sky ? image.pixelScaleDeg() * 3600 : Double.NaN,
				map.medianBackground(), map.medianNoise(), detection, box, options.threads(),
				new LinkedHashMap<>(timings));
	}

	/**
	 * Records stage durations in seconds.
	 */
	static final class Stopwatch {

		private final long start = System.nanoTime();

		private long last = this.start;

		private final Map<String, Double> laps = new LinkedHashMap<>();

		void lap(String stage) {
			long now = System.nanoTime();
			this.laps.put(stage, (now - this.last) / 1e9);
			this.last = now;
		}

		double total() {
			return (System.nanoTime() - this.start) / 1e9;
		}

		Map<String, Double> laps() {
			return this.laps;
		}

	}

}
