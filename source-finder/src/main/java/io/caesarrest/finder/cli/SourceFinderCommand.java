package io.caesarrest.finder.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
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

	private SourceFinderCommand() {
	}

	/**
	 * Runs a subcommand and exits with its status.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		Logger.getLogger("nom.tam").setLevel(Level.OFF);
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
		try {
			String command = (args.length > 0) ? args[0] : "";
			switch (command) {
				case "find" ->
					FindCommand.run(new CommandArguments(args, 1, FindCommand.OPTIONS, FindCommand.FLAGS), out);
				case "simulate" ->
					SimulateCommand.run(new CommandArguments(args, 1, SimulateCommand.OPTIONS, Set.of()), out);
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

}
