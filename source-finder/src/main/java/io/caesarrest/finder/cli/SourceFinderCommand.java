package io.caesarrest.finder.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.caesarrest.finder.fits.UnsupportedImageException;

/**
 * Command line entry point: {@code find} runs the source finder, {@code simulate} writes
 * a simulated image; exit code 0 on success, 1 on a processing error, 2 on bad arguments.
 */
public final class SourceFinderCommand {

	private static final String USAGE = "usage: sfinder find --inputfile=PATH --outdir=DIR [--id=ID] [--seedthr=5] "
			+ "[--mergethr=2.6] [--boxsize=20] [--npixmin=5] [--no-filter] [--no-fit] [--maxcomponents=5] [--nthreads=N] "
			+ "[--no-plot] [--no-regions] [--no-votable]\n"
			+ "       sfinder simulate --outfile=PATH --truth=CSV [--size=1024] [--seed=1] [--rms=1e-4] [--beam=4] "
			+ "[--nsources=N] [--background=0] [--extended=0.03] [--pairs=0.05] [--noise=beam|smoothed] [--nthreads=N]";

	// held, so that its level is not lost with a collected logger
	private static final Logger FITS_LOGGER = Logger.getLogger("nom.tam");

	private static final int WARM_UP_SIZE = 2000;

	// enough for the server compiler to have compiled the hot loops before the first job
	// of a pre-started JVM that runs job after job: after 20 runs the first find on a
	// 4000² field took 0.25-0.26 s, as the later ones, against 0.45-0.49 s after 6 and
	// 0.33-0.36 s after 12 (about 5 s on two cores, in the background)
	private static final int WARM_UP_RUNS = 20;

	private SourceFinderCommand() {
	}

	/**
	 * Runs a subcommand and exits with its status.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		System.exit(execute(args, System.out, System.err));
	}

	/**
	 * Runs a subcommand.
	 * @param args the arguments, the first being the subcommand
	 * @param out receives the summary
	 * @param err receives the one-line error message
	 * @return the exit code
	 */
	public static int execute(String[] args, PrintStream out, PrintStream err) {
		return run(args, Path.of(""), out, err);
	}

	/**
	 * Runs a subcommand in a JVM that may run other work before or after it (a service's
	 * pre-started worker JVM): relative paths are resolved against {@code workDir}, and
	 * the JVM is left running.
	 * @param args the arguments, the first being the subcommand
	 * @param workDir the directory relative paths are resolved against
	 * @param out receives the summary
	 * @param err receives the one-line error message
	 * @return the exit code
	 */
	public static int run(String[] args, Path workDir, PrintStream out, PrintStream err) {
		FITS_LOGGER.setLevel(Level.OFF);
		try {
			String command = (args.length > 0) ? args[0] : "";
			switch (command) {
				case "find" -> FindCommand.run(new CommandArguments(args, 1, FindCommand.OPTIONS, FindCommand.FLAGS),
						workDir, out);
				case "simulate" ->
					SimulateCommand.run(new CommandArguments(args, 1, SimulateCommand.OPTIONS, Set.of()), workDir, out);
				case "help", "--help", "-h" -> out.println(USAGE);
				default -> throw new UsageException("unknown command '" + command + "' (expected find or simulate)");
			}
			return 0;
		}
		catch (UsageException ex) {
			err.println("sfinder: error: " + ex.getMessage() + " (run 'sfinder help' for usage)");
			return 2;
		}
		catch (UnsupportedImageException | UncheckedIOException | IllegalArgumentException ex) {
			err.println("sfinder: error: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Prepares this JVM for a later {@link #run}: finds sources in a small simulated
	 * image a number of times, so that the classes are loaded and the hot code is
	 * compiled before a job comes. Stops early, after the current run, once its thread is
	 * interrupted (a job came: it should not wait for the whole warm-up).
	 * @param scratchDir an empty directory the warm-up may write to
	 */
	public static void warmUp(Path scratchDir) {
		PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
		String image = scratchDir.resolve("warm-up.fits").toString();
		run(new String[] { "simulate", "--outfile=" + image, "--truth=" + scratchDir.resolve("warm-up.csv"),
				"--size=" + WARM_UP_SIZE, "--seed=1", "--nthreads=1" }, scratchDir, quiet, quiet);
		for (int i = 0; i < WARM_UP_RUNS && !Thread.currentThread().isInterrupted(); i++) {
			run(new String[] { "find", "--inputfile=" + image, "--outdir=.", "--id=warm-up", "--nthreads=2" },
					scratchDir, quiet, quiet);
		}
	}

}
