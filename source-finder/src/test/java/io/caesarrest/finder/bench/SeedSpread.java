package io.caesarrest.finder.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.caesarrest.finder.FinderOptions;
import io.caesarrest.finder.SourceFinder;
import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import io.caesarrest.finder.simulate.TruthSource;

/**
 * The default finder's completeness at S/N 5–7 and reliability over several realisations
 * of one kind of field (the simulator's seed changes, nothing else), to tell one field's
 * luck from the finder's level. Usage:
 * {@code SeedSpread workdir size beam firstSeed count [entries]}.
 */
public final class SeedSpread {

	private SeedSpread() {
	}

	public static void main(String[] args) throws Exception {
		Path work = Files.createDirectories(Path.of(args[0]));
		int size = Integer.parseInt(args[1]);
		double beam = Double.parseDouble(args[2]);
		long first = Long.parseLong(args[3]);
		int count = Integer.parseInt(args[4]);
		int entries = (args.length > 5) ? Integer.parseInt(args[5]) : -1;
		int threads = Runtime.getRuntime().availableProcessors();
		System.out.println("| seed | sources | chosen seed (σ) | C(5-7) | C(>=10) | reliability | reported |");
		System.out.println("|---|---|---|---|---|---|---|");
		List<Double> completeness = new ArrayList<>();
		for (long seed = first; seed < first + count; seed++) {
			SimulationOptions options = SimulationOptions.defaults(size, seed).withBeam(beam, entries);
			Path image = work.resolve("spread.fits");
			List<TruthSource> truth = SkySimulator.simulate(options, image, null, threads);
			Catalog catalog = SourceFinder
				.run(FinderOptions.defaults().withExtraOutputs(false), image, work.resolve("spread"), "spread")
				.catalog();
			List<Detection> found = FinderBenchmark.detections(catalog);
			Scorecard score = new Scorecard(truth, found, beam);
			completeness.add(score.completeness(5, 7));
			System.out.printf(Locale.ROOT, "| %d | %d | %.2f | %.3f | %.3f | %.4f | %d |%n", seed, truth.size(),
					catalog.metadata().detection().seedThreshold(), score.completeness(5, 7),
					score.completeness(10, Double.POSITIVE_INFINITY), score.reliability(0), found.size());
		}
		double mean = completeness.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
		double sd = Math.sqrt(completeness.stream().mapToDouble((c) -> (c - mean) * (c - mean)).sum()
				/ Math.max(1, completeness.size() - 1));
		System.out.printf(Locale.ROOT, "C(5-7) over %d realisations: mean %.3f, standard deviation %.3f, min %.3f%n",
				completeness.size(), mean, sd, completeness.stream().mapToDouble(Double::doubleValue).min().orElse(0));
	}

}
