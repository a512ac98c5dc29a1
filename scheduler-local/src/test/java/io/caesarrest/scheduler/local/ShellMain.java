package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Java app for the tests of pre-started JVMs: runs its arguments as a command in the
 * job dir (so that the scheduler contract's shell commands run through a Java main
 * class), reports on the JVM it runs in ({@code jvm-facts}), or throws an {@link Error}
 * ({@code error}).
 */
public final class ShellMain {

	private static boolean warmedUp;

	private static int jobs;

	private ShellMain() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		System.exit(run(args, Path.of(""), System.out, System.err));
	}

	public static void warmUp(Path scratchDir) {
		warmedUp = true;
	}

	public static int run(String[] args, Path workDir, PrintStream out, PrintStream err)
			throws IOException, InterruptedException {
		jobs++;
		if (args.length == 1 && args[0].equals("jvm-facts")) {
			out.println("facts of pid " + ProcessHandle.current().pid());
			Files.writeString(workDir.resolve("jvm-facts.txt"),
					"warmed-up=" + warmedUp + "\njobs=" + jobs + "\nmax-heap=" + Runtime.getRuntime().maxMemory()
							+ "\npid=" + ProcessHandle.current().pid() + "\n");
			return 0;
		}
		if (args.length == 1 && args[0].equals("error")) {
			throw new OutOfMemoryError("a test's error");
		}
		Process process = new ProcessBuilder(args).directory(workDir.toAbsolutePath().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.INHERIT)
			.start();
		return process.waitFor();
	}

}
