package io.caesarrest.scheduler.local;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The main class of a pre-started worker JVM of the local queue. It warms up the main
 * classes named as its arguments, then waits for one job on its standard input
 * (NUL-terminated fields: main class, working dir, log file, the job's arguments; end of
 * input without a job makes it exit), runs that job's main class in-process with its
 * output in the log file, and exits with the job's exit code. One job per JVM: no state
 * of a job can leak into another, and a crash ends only its own job.
 * <p>
 * A main class can run this way when it has
 * {@code public static int run(String[] args, Path workDir, PrintStream out, PrintStream err)}
 * (relative paths resolved against {@code workDir}, the exit code returned rather than
 * passed to {@code System.exit}); it may also have
 * {@code public static void warmUp(Path scratchDir)}, which a pre-started JVM calls
 * before it waits.
 */
public final class WarmJvmMain {

	/**
	 * First argument that makes the JVM exit after its warm-up (to archive its classes).
	 */
	static final String EXIT_AFTER_WARM_UP = "--exit-after-warm-up";

	/** File with the job dir, written once this JVM has its job. */
	static final String JOB_DIR_FILE = "job-dir";

	/** File with the job's log file, written once this JVM has its job. */
	static final String JOB_LOG_FILE = "job-log";

	/** File a worker JVM creates in its working dir once its warm-up is over. */
	static final String READY_FILE = "ready";

	private static final MethodType RUN = MethodType.methodType(int.class, String[].class, Path.class,
			PrintStream.class, PrintStream.class);

	private static final MethodType WARM_UP = MethodType.methodType(void.class, Path.class);

	private WarmJvmMain() {
	}

	/**
	 * Warms up the classes named by {@code args}, runs the job it is given and exits.
	 * @param args the main classes to warm up
	 * @throws InterruptedException never in practice
	 */
	public static void main(String[] args) throws InterruptedException {
		System.setProperty("java.awt.headless", "true");
		if (args.length > 0 && args[0].equals(EXIT_AFTER_WARM_UP)) {
			warmUp(Arrays.asList(args).subList(1, args.length));
			System.exit(0);
		}
		Thread warmUp = new Thread(() -> warmUp(Arrays.asList(args)), "warm-up");
		warmUp.start();
		List<String> job = readJob();
		if (job.size() < 3) {
			// no job: the pool was closed, or the service that started this JVM is gone
			Runtime.getRuntime().halt(0);
		}
		accept(Path.of(job.get(1)), Path.of(job.get(2)));
		warmUp.join();
		System.exit(runJob(job.get(0), Path.of(job.get(1)), Path.of(job.get(2)),
				job.subList(3, job.size()).toArray(new String[0])));
	}

	/**
	 * Whether a main class can run in a pre-started JVM.
	 * @param className the class name
	 * @return whether it is on the class path with the {@code run} method
	 */
	static boolean canRun(String className) {
		try {
			Class<?> type = Class.forName(className, false, WarmJvmMain.class.getClassLoader());
			MethodHandles.publicLookup().findStatic(type, "run", RUN);
			return true;
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			return false;
		}
	}

	private static void warmUp(List<String> classNames) {
		Path scratch = Path.of("warm-up").toAbsolutePath();
		for (String className : classNames) {
			try {
				Class<?> type = Class.forName(className, true, WarmJvmMain.class.getClassLoader());
				MethodHandle warmUp = MethodHandles.publicLookup().findStatic(type, "warmUp", WARM_UP);
				warmUp.invoke(Files.createDirectories(scratch));
			}
			catch (Throwable ex) {
				// a class without warm-up (or whose warm-up failed) runs cold: not an
				// error
			}
		}
		delete(scratch);
		try {
			Files.createFile(Path.of(READY_FILE));
		}
		catch (IOException ex) {
			// the pool then only takes it when no other JVM is ready
		}
	}

	// tells this JVM's wrapper where the job's exit code and late output go
	private static void accept(Path workDir, Path logFile) {
		try {
			write(JOB_DIR_FILE, workDir.toString());
			write(JOB_LOG_FILE, logFile.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(String name, String value) throws IOException {
		Path temporary = Files.writeString(Path.of(name + ".tmp"), value);
		Files.move(temporary, Path.of(name), StandardCopyOption.ATOMIC_MOVE);
	}

	private static List<String> readJob() {
		byte[] input;
		try {
			input = System.in.readAllBytes();
		}
		catch (IOException ex) {
			return List.of();
		}
		List<String> fields = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < input.length; i++) {
			if (input[i] == 0) {
				fields.add(new String(input, start, i - start, StandardCharsets.UTF_8));
				start = i + 1;
			}
		}
		return fields;
	}

	private static int runJob(String className, Path workDir, Path logFile, String[] args) {
		try (PrintStream log = new PrintStream(new FileOutputStream(logFile.toFile(), true), true,
				StandardCharsets.UTF_8)) {
			System.setOut(log);
			System.setErr(log);
			try {
				Class<?> type = Class.forName(className, true, WarmJvmMain.class.getClassLoader());
				MethodHandle run = MethodHandles.publicLookup().findStatic(type, "run", RUN);
				return (int) run.invoke(args, workDir, log, log);
			}
			catch (Throwable ex) {
				ex.printStackTrace(log);
				return 1;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// the pool's wrapper removes the whole working dir when this JVM ends
		}
	}

}
