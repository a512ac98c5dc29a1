package io.caesarrest.finder.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.caesarrest.finder.simulate.NoiseModel;
import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import io.caesarrest.finder.simulate.TruthSource;

/**
 * The {@code simulate} subcommand: writes a simulated sky image and its truth catalog.
 */
final class SimulateCommand {

	static final Set<String> OPTIONS = Set.of("outfile", "truth", "size", "seed", "rms", "beam", "nsources",
			"background", "extended", "pairs", "noise", "nthreads");

	private SimulateCommand() {
	}

	static void run(CommandArguments args, Path workDir, PrintStream out) {
		Path image = workDir.resolve(args.required("outfile"));
		Path truth = workDir.resolve(args.required("truth"));
		SimulationOptions defaults = SimulationOptions.defaults(args.integer("size", 1024),
				args.longInteger("seed", 1));
		SimulationOptions options;
		try {
			options = new SimulationOptions(defaults.size(), defaults.seed(), args.number("rms", defaults.rms()),
					args.number("beam", defaults.beamPixels()), args.integer("nsources", defaults.sources()),
					args.number("background", defaults.background()), args.number("extended", defaults.extended()),
					args.number("pairs", defaults.pairs()), NoiseModel.parse(args.text("noise", "beam")));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		int threads = args.integer("nthreads", Runtime.getRuntime().availableProcessors());
		List<TruthSource> sources = SkySimulator.simulate(options, image, truth, threads);
		out.println("simulate: wrote " + image + " (" + options.size() + "x" + options.size() + ") with "
				+ sources.size() + " sources, truth in " + truth);
	}

}
