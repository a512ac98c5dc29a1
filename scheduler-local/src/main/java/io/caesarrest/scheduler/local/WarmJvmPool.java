package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.caesarrest.scheduler.JobLaunch;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Pre-started, warmed worker JVMs ({@link WarmJvmMain}) of the local queue, kept per heap
 * size. A job of a Java app takes one (when one is idle), which runs that one job and
 * exits; a new one is started in its place once that job ends, so that warming up never
 * competes with the job for the cores. Each runs in a session of its own under a wrapper
 * that writes the job's exit code to the job dir, like any local job.
 */
final class WarmJvmPool implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(WarmJvmPool.class);

	// values are read from files as data, never parsed as shell text; on SIGTERM (cancel,
	// time-out) the wrapper outlives the JVM to save its code and remove its dir
	private static final String WRAPPER = "trap : TERM; \"$@\"; rc=$?; if [ -f " + WarmJvmMain.JOB_DIR_FILE
			+ " ]; then " + "d=$(cat " + WarmJvmMain.JOB_DIR_FILE + "); if [ -s jvm.log ]; then cat jvm.log >> \"$(cat "
			+ WarmJvmMain.JOB_LOG_FILE + ")\"; fi; printf '%s\\n' \"$rc\" > \"$d/" + JobLaunch.EXIT_CODE_FILE
			+ ".tmp\" && mv -f \"$d/" + JobLaunch.EXIT_CODE_FILE + ".tmp\" \"$d/" + JobLaunch.EXIT_CODE_FILE
			+ "\"; fi; cd / && rm -rf \"$CAESAR_WORKER_DIR\"; exit \"$rc\"";

	private final int size;

	private final Path root;

	private final WorkerJvms jvms;

	private final Map<Long, Deque<WarmJvm>> idle = new HashMap<>();

	private final Map<Long, Set<String>> classes = new HashMap<>();

	private int started;

	private boolean closed;

	/**
	 * Creates an empty pool.
	 * @param size idle JVMs to keep per heap size
	 * @param jvms how worker JVMs start
	 */
	WarmJvmPool(int size, WorkerJvms jvms) {
		this.size = size;
		this.jvms = jvms;
		try {
			this.root = Files.createTempDirectory(Files.createDirectories(jvms.dir()), "pool-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Keeps JVMs of a heap size ready for a main class from now on.
	 * @param heapBytes the heap size, 0 for the default
	 * @param mainClass the main class they warm up
	 */
	synchronized void prepare(long heapBytes, String mainClass) {
		if (this.classes.computeIfAbsent(heapBytes, (key) -> new LinkedHashSet<>()).add(mainClass)) {
			fill(heapBytes);
		}
	}

	/**
	 * Hands a job to an idle JVM of its heap size, if there is one.
	 * @param launch the job
	 * @param mainClass the main class to run
	 * @param heapBytes the heap size the job needs, 0 for the default
	 * @return the JVM that runs the job, empty when none could take it
	 */
	Optional<WarmJvm> submit(JobLaunch launch, String mainClass, long heapBytes) {
		if (launch.argv().stream().anyMatch((arg) -> arg.indexOf('\0') >= 0)) {
			// not one argument any more once sent: the cold path refuses it
			return Optional.empty();
		}
		prepare(heapBytes, mainClass);
		WarmJvm jvm;
		while ((jvm = take(heapBytes)) != null) {
			if (jvm.hand(mainClass, launch)) {
				jvm.process().onExit().thenRun(() -> fill(heapBytes));
				return Optional.of(jvm);
			}
			jvm.process().destroyForcibly();
		}
		// none idle (all busy, or one died while waiting): the next job of this size is
		// warm
		fill(heapBytes);
		return Optional.empty();
	}

	/** The idle JVMs whose warm-up is over. */
	synchronized int ready() {
		return (int) this.idle.values()
			.stream()
			.flatMap(Deque::stream)
			.filter((jvm) -> jvm.process().isAlive() && jvm.ready())
			.count();
	}

	private synchronized WarmJvm take(long heapBytes) {
		Deque<WarmJvm> jvms = this.idle.getOrDefault(heapBytes, new ArrayDeque<>());
		jvms.removeIf((jvm) -> !jvm.process().isAlive());
		WarmJvm chosen = jvms.stream().filter(WarmJvm::ready).findFirst().orElse(jvms.peekFirst());
		if (chosen != null) {
			jvms.remove(chosen);
		}
		return chosen;
	}

	private synchronized void fill(long heapBytes) {
		Deque<WarmJvm> jvms = this.idle.computeIfAbsent(heapBytes, (key) -> new ArrayDeque<>());
		jvms.removeIf((jvm) -> !jvm.process().isAlive());
		while (!this.closed && jvms.size() < this.size) {
			try {
				jvms.add(start(heapBytes));
			}
			catch (IOException ex) {
				logger.warn("Cannot start a worker JVM: " + ex.getMessage());
				return;
			}
		}
	}

	private WarmJvm start(long heapBytes) throws IOException {
		Path dir = Files.createDirectory(this.root.resolve("jvm-" + (++this.started)));
		List<String> command = new ArrayList<>(List.of("setsid", "/bin/sh", "-c", WRAPPER, "caesar-worker-jvm"));
		command.addAll(this.jvms.command(WarmJvmMain.class.getName(), this.jvms.options(heapBytes)));
		command.addAll(this.classes.getOrDefault(heapBytes, Set.of()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("jvm.log").toFile());
		builder.environment().put("CAESAR_WORKER_DIR", dir.toString());
		Process process = builder.start();
		return new WarmJvm(process, process.info().startInstant().orElse(Instant.now()), dir);
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		for (Deque<WarmJvm> jvms : this.idle.values()) {
			for (Iterator<WarmJvm> it = jvms.iterator(); it.hasNext();) {
				// end of input without a job: the JVM exits and its wrapper removes its
				// dir
				closeQuietly(it.next().process().getOutputStream());
				it.remove();
			}
		}
	}

	private static void closeQuietly(OutputStream stream) {
		try {
			stream.close();
		}
		catch (IOException ex) {
			// already gone
		}
	}

	/**
	 * A started worker JVM.
	 *
	 * @param process its wrapper, the leader of its session
	 * @param started when the wrapper started
	 * @param dir its working dir
	 */
	record WarmJvm(Process process, Instant started, Path dir) {

		boolean ready() {
			return Files.exists(this.dir.resolve(WarmJvmMain.READY_FILE));
		}

		/** Gives the JVM its job; false when it can no longer take one. */
		boolean hand(String mainClass, JobLaunch launch) {
			List<String> fields = new ArrayList<>(List.of(mainClass, launch.jobDir().toAbsolutePath().toString(),
					launch.jobDir().toAbsolutePath().resolve(launch.logFileName()).toString()));
			fields.addAll(launch.argv().subList(1, launch.argv().size()));
			StringBuilder job = new StringBuilder();
			fields.forEach((field) -> job.append(field).append('\0'));
			try (OutputStream input = this.process.getOutputStream()) {
				input.write(job.toString().getBytes(StandardCharsets.UTF_8));
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

}
