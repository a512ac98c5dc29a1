package io.caesarrest.finder.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import io.caesarrest.finder.FinderOptions;
import io.caesarrest.finder.FinderResult;
import io.caesarrest.finder.SourceFinder;

/**
 * The {@code find} subcommand: runs the source finder on a FITS image.
 */
final class FindCommand {

	static final Set<String> OPTIONS = Set.of("inputfile", "outdir", "id", "seedthr", "mergethr", "boxsize", "npixmin",
			"maxcomponents", "nthreads", "fdr");

	static final Set<String> FLAGS = Set.of("no-filter", "no-fit", "no-plot", "no-regions", "no-votable");

	private FindCommand() {
	}

	/**
	 * Returns the false discovery rate: as given, or the default unless a fixed seed
	 * threshold was given alone.
	 */
	private static double fdr(CommandArguments args, FinderOptions defaults) {
		double fallback = args.flag("seedthr") ? 0 : defaults.fdr();
		return args.number("fdr", fallback);
	}

	static void run(CommandArguments args, Path workDir, PrintStream out) {
		Path input = workDir.resolve(args.required("inputfile"));
		Path outDir = workDir.resolve(args.required("outdir"));
		String id = args.text("id", "sfinder");
		if (!id.matches("[A-Za-z0-9._-]+")) {
			throw new UsageException("option --id may only contain letters, digits, '.', '_' and '-'");
		}
		FinderOptions defaults = FinderOptions.defaults();
		FinderOptions options;
		try {
			options = new FinderOptions(args.number("seedthr", defaults.seedThreshold()),
					args.number("mergethr", defaults.mergeThreshold()), args.number("boxsize", defaults.boxSizeBeams()),
					args.integer("npixmin", defaults.minPixels()), !args.flag("no-filter"), !args.flag("no-fit"),
					args.integer("maxcomponents", defaults.maxComponents()),
					args.integer("nthreads", defaults.threads()), !args.flag("no-plot"), !args.flag("no-regions"),
					!args.flag("no-votable"), fdr(args, defaults));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		FinderResult result = SourceFinder.run(options, input, outDir, id);
		out.printf(Locale.ROOT, "sfinder: %s: %d sources, %d components, noise %.4g %s, %.2f s %s%n",
				input.getFileName(), result.catalog().sources().size(), result.catalog().componentCount(),
				result.catalog().metadata().medianNoise(), result.catalog().metadata().units().peak(), result.seconds(),
				result.catalog().metadata().timings());
		out.println("sfinder: outputs in " + outDir.toAbsolutePath().normalize());
	}

}
