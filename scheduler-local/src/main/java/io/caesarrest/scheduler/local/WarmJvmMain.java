package io.caesarrest.scheduler.local;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.caesarrest.scheduler.JobLaunch;

/**
 * The main class of a pre-started worker JVM of the local queue. It warms up the main
 * classes named as its arguments, then runs jobs one after the other as they come on its
 * standard input (each a count of fields, then the fields: main class, working dir, log
 * file, the job's arguments; every field NUL-terminated). It runs a job's main class
 * in-process with its output in the job's log file, saves the job's exit code in the job
 * dir, and says {@code done} on file descriptor 3 (a pipe to the pool, set up by its
 * wrapper). End of input makes it exit: the pool was closed, or the service that started
 * it is gone. So the code its compilers made for one job serves the next ones.
 * <p>
 * One job at a time: a crash, a cancel or a time-out ends the JVM and only its own job.
 * After a job that threw an {@link Error} (out of memory, say), or after its last job
 * ({@code -Dcaesar.worker.jobs=N}), the JVM exits rather than take another, so no broken
 * state and no slow leak reaches later jobs.
 * <p>
 * A main class can run this way when it has
 * {@code public static int run(String[] args, Path workDir, PrintStream out, PrintStream err)}
 * (relative paths resolved against {@code workDir}, the exit code returned rather than
 * passed to {@code System.exit}, no state kept in static fields from one run to the
 * next); it may also have {@code public static void warmUp(Path scratchDir)}, which a
 * pre-started JVM calls before it waits. A job that comes during the warm-up interrupts
 * it and waits for it to return, so a long warm-up should look at its thread's interrupt
 * flag between its steps: the job then waits for one step, not for all of them.
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

	/** File that gets the JVM's own output (file descriptors 1 and 2). */
	static final String JVM_LOG_FILE = "jvm.log";

	/** What the JVM says on its pool's pipe when a job has ended. */
	static final String DONE = "done";

	/** System property with the number of jobs a JVM runs before it exits. */
	static final String JOBS_PROPERTY = "caesar.worker.jobs";

	/**
	 * Environment variable by which the pool's wrapper says which descriptor is the pipe
	 * to the pool.
	 */
	static final String POOL_PIPE_VARIABLE = "CAESAR_POOL_PIPE";

	/** The descriptor of the pipe to the pool. */
	static final String POOL_PIPE_DESCRIPTOR = "3";

	// the pool's end of the pipe its wrapper opened as file descriptor 3
	private static final String POOL_PIPE = "/proc/self/fd/" + POOL_PIPE_DESCRIPTOR;

	private static final MethodType RUN = MethodType.methodType(int.class, String[].class, Path.class,
			PrintStream.class, PrintStream.class);

	private static final MethodType WARM_UP = MethodType.methodType(void.class, Path.class);

	private WarmJvmMain() {
	}

	/**
	 * Warms up the classes named by {@code args}, then runs the jobs it is given until
	 * the end of its input.
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
		InputStream input = new BufferedInputStream(System.in);
		OutputStream pool = pool();
		PrintStream out = System.out;
		PrintStream err = System.err;
		int left = Integer.getInteger(JOBS_PROPERTY, Integer.MAX_VALUE);
		boolean sound = true;
		while (sound && left-- > 0) {
			List<String> job = readJob(input);
			if (job.size() < 3) {
				// no job: the pool was closed, or the service that started this JVM is
				// gone
				break;
			}
			Path workDir = Path.of(job.get(1));
			Path logFile = Path.of(job.get(2));
			accept(workDir, logFile);
			// a warm-up still going is cut short: the job waits for its current step only
			warmUp.interrupt();
			warmUp.join();
			Result result = runJob(job.get(0), workDir, logFile, job.subList(3, job.size()).toArray(new String[0]));
			System.setOut(out);
			System.setErr(err);
			sound = result.sound();
			finish(workDir, logFile, result.exitCode(), pool instanceof FileOutputStream);
			tell(pool);
			// the job's garbage collected while waiting for the next, not during it
			System.gc();
		}
		Runtime.getRuntime().halt(0);
	}

	// the pipe to the pool, only where the pool's wrapper said it opened one as
	// descriptor 3: without a wrapper, descriptor 3 is whatever this JVM opened first
	// (its own modules file, say), which must never be written
	private static OutputStream pool() {
		if (!POOL_PIPE_DESCRIPTOR.equals(System.getenv(POOL_PIPE_VARIABLE))) {
			return OutputStream.nullOutputStream();
		}
		try {
			Path pipe = Path.of(POOL_PIPE);
			if (!Files.readSymbolicLink(pipe).toString().startsWith("pipe:")) {
				return OutputStream.nullOutputStream();
			}
			// appending: opening never truncates
			return new FileOutputStream(pipe.toFile(), true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			return OutputStream.nullOutputStream();
		}
	}

	private static void tell(OutputStream pool) {
		try {
			pool.write((DONE + "\n").getBytes(StandardCharsets.US_ASCII));
			pool.flush();
		}
		catch (IOException ex) {
			// the service that started this JVM is gone: the next one reads the exit code
			// from the job dir
		}
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
			write(Path.of(JOB_DIR_FILE), workDir.toString());
			write(Path.of(JOB_LOG_FILE), logFile.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// whole or not at all: a temporary file renamed
	private static void write(Path file, String value) throws IOException {
		Path temporary = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), value);
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
	}

	// a count of fields, then the fields, each NUL-terminated; empty at the end of input
	static List<String> readJob(InputStream input) {
		try {
			String count = readField(input);
			if (count == null) {
				return List.of();
			}
			List<String> fields = new ArrayList<>();
			for (int i = Integer.parseInt(count); i > 0; i--) {
				String field = readField(input);
				if (field == null) {
					return List.of();
				}
				fields.add(field);
			}
			return fields;
		}
		catch (IOException | NumberFormatException ex) {
			return List.of();
		}
	}

	private static String readField(InputStream input) throws IOException {
		ByteArrayOutputStream field = new ByteArrayOutputStream();
		int b;
		while ((b = input.read()) > 0) {
			field.write(b);
		}
		return (b < 0) ? null : field.toString(StandardCharsets.UTF_8);
	}

	/**
	 * The record of a job for a worker JVM's input.
	 * @param fields the main class, the working dir, the log file, the job's arguments
	 * @return the bytes to send
	 */
	static byte[] jobRecord(List<String> fields) {
		StringBuilder job = new StringBuilder().append(fields.size()).append('\0');
		fields.forEach((field) -> job.append(field).append('\0'));
		return job.toString().getBytes(StandardCharsets.UTF_8);
	}

	// the job's exit code in its dir, what the JVM itself printed during the job in its
	// log, and the files that told the wrapper about the job gone
	private static void finish(Path workDir, Path logFile, int exitCode, boolean pooled) {
		try {
			write(workDir.resolve(JobLaunch.EXIT_CODE_FILE), exitCode + "\n");
		}
		catch (IOException ex) {
			// the wrapper saves it when this JVM ends
			Runtime.getRuntime().halt(exitCode & 0xff);
		}
		try {
			Files.deleteIfExists(Path.of(JOB_DIR_FILE));
			Files.deleteIfExists(Path.of(JOB_LOG_FILE));
			Path jvmLog = Path.of(JVM_LOG_FILE);
			if (pooled && Files.size(jvmLog) > 0) {
				// written by the job's child processes or the JVM itself; the file is
				// opened for appending, so the next writes start again at its new end
				Files.write(logFile, Files.readAllBytes(jvmLog), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
				try (FileChannel channel = FileChannel.open(jvmLog, StandardOpenOption.WRITE)) {
					channel.truncate(0);
				}
			}
		}
		catch (IOException ex) {
			// no JVM log (started by hand) or a log that is gone: nothing to move
		}
	}

	private static Result runJob(String className, Path workDir, Path logFile, String[] args) {
		try (PrintStream log = new PrintStream(new FileOutputStream(logFile.toFile(), true), true,
				StandardCharsets.UTF_8)) {
			System.setOut(log);
			System.setErr(log);
			try {
				Class<?> type = Class.forName(className, true, WarmJvmMain.class.getClassLoader());
				MethodHandle run = MethodHandles.publicLookup().findStatic(type, "run", RUN);
				return new Result((int) run.invoke(args, workDir, log, log), true);
			}
			catch (Error ex) {
				ex.printStackTrace(log);
				return new Result(1, false);
			}
			catch (Throwable ex) {
				ex.printStackTrace(log);
				return new Result(1, true);
			}
		}
		catch (IOException ex) {
			// no log file: the job dir is gone
			return new Result(1, true);
		}
	}

	/**
	 * How a job ended.
	 *
	 * @param exitCode its exit code
	 * @param sound whether the JVM can take another job (no {@link Error} was thrown)
	 */
	private record Result(int exitCode, boolean sound) {

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
