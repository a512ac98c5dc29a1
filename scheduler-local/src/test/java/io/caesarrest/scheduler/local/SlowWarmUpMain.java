package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Java app for the tests of pre-started JVMs whose warm-up would take ten minutes: it
 * sleeps until it is interrupted, and its job reports whether it was.
 */
public final class SlowWarmUpMain {

	private static volatile boolean interrupted;

	private SlowWarmUpMain() {
	}

	public static void warmUp(Path scratchDir) {
		try {
			Thread.sleep(600_000);
		}
		catch (InterruptedException ex) {
			interrupted = true;
			Thread.currentThread().interrupt();
		}
	}

	public static int run(String[] args, Path workDir, PrintStream out, PrintStream err) throws IOException {
		Files.writeString(workDir.resolve("warm-up.txt"), "interrupted=" + interrupted + "\n");
		return 0;
	}

}
