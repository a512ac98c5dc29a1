package io.caesarrest.scheduler.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.caesarrest.scheduler.JobLaunch;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Pre-started, warmed worker JVMs ({@link WarmJvmMain}) of the local queue, kept per heap
 * size. A job of a Java app takes an idle one, which runs it and then comes back for the
 * next job, with the code its compilers made for the earlier ones. A new one is started
 * only when one ends (crash, cancel, time-out, its last job) or when none was idle for a
 * job, so that warming up competes with jobs for the cores as seldom as can be. Each runs
 * in a session of its own under a wrapper that gives it the pipe it reports on and, when
 * it ends during a job, writes that job's exit code to the job dir, like any local job.
 */
final class WarmJvmPool implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(WarmJvmPool.class);

	// values are read from files as data, never parsed as shell text; the JVM reports on
	// descriptor 3 (the pipe to this pool, named in CAESAR_POOL_PIPE) and prints to its
	// log; on SIGTERM (cancel, time-out) the wrapper outlives the JVM to save the job's
	// code and remove its dir
	private static final String WRAPPER = "trap : TERM; \"$@\" 3>&1 >>" + WarmJvmMain.JVM_LOG_FILE + " 2>&1; rc=$?; "
			+ "if [ -f " + WarmJvmMain.JOB_DIR_FILE + " ]; then d=$(cat " + WarmJvmMain.JOB_DIR_FILE + "); if [ -s "
			+ WarmJvmMain.JVM_LOG_FILE + " ]; then cat " + WarmJvmMain.JVM_LOG_FILE + " >> \"$(cat "
			+ WarmJvmMain.JOB_LOG_FILE + ")\"; fi; printf '%s\\n' \"$rc\" > \"$d/" + JobLaunch.EXIT_CODE_FILE
			+ ".tmp\" && mv -f \"$d/" + JobLaunch.EXIT_CODE_FILE + ".tmp\" \"$d/" + JobLaunch.EXIT_CODE_FILE
			+ "\"; fi; cd / && rm -rf \"$CAESAR_WORKER_DIR\"; exit \"$rc\"";

	private final int size;

	private final Path root;

	private final WorkerJvms jvms;

	private final Runnable jobEnded;

	private final Map<Long, Deque<WarmJvm>> idle = new HashMap<>();

	private final Map<Long, WarmJvm> all = new HashMap<>();

	private final Map<Long, Set<String>> classes = new HashMap<>();

	private int started;

	private boolean closed;

	/**
	 * Creates an empty pool.
	 * @param size idle JVMs to keep per heap size
	 * @param jvms how worker JVMs start
	 * @param jobEnded what runs when a job in one of its JVMs has ended
	 */
	WarmJvmPool(int size, WorkerJvms jvms, Runnable jobEnded) {
		this.size = size;
		this.jvms = jvms;
		this.jobEnded = jobEnded;
		try {
			// named by this process, so that the next service deletes it if this one is
			// killed
			this.root = Files.createTempDirectory(Files.createDirectories(jvms.dir()), JvmDirCleanup.poolPrefix());
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
		List<String> fields = new ArrayList<>(List.of(mainClass, launch.jobDir().toAbsolutePath().toString(),
				launch.jobDir().toAbsolutePath().resolve(launch.logFileName()).toString()));
		fields.addAll(launch.argv().subList(1, launch.argv().size()));
		byte[] job = WarmJvmMain.jobRecord(fields);
		synchronized (this) {
			WarmJvm jvm;
			while ((jvm = take(heapBytes)) != null) {
				if (jvm.hand(job, launch.jobDir().toAbsolutePath())) {
					return Optional.of(jvm);
				}
				jvm.process().destroyForcibly();
			}
			// none idle (all busy, or one died while waiting): the next job of this size
			// is warm
			fill(heapBytes);
			return Optional.empty();
		}
	}

	/**
	 * Whether a job that runs in a JVM may be stopped by ending the JVM, which then takes
	 * no other job. False when the JVM is one of this pool's and has gone on to another
	 * job (or back to waiting for one).
	 * @param pid the JVM's wrapper
	 * @param jobDir the job's dir
	 * @return whether to end the JVM
	 */
	synchronized boolean stopping(long pid, Path jobDir) {
		WarmJvm jvm = this.all.get(pid);
		if (jvm == null) {
			// started by an earlier life of the service: it takes no new job
			return true;
		}
		if (!jobDir.toAbsolutePath().equals(jvm.job) || Files.exists(jobDir.resolve(JobLaunch.EXIT_CODE_FILE))) {
			return false;
		}
		jvm.retired = true;
		return true;
	}

	/** The idle JVMs whose warm-up is over. */
	synchronized int ready() {
		return (int) this.idle.values()
			.stream()
			.flatMap(Deque::stream)
			.filter((jvm) -> jvm.process().isAlive() && jvm.ready())
			.count();
	}

	/**
	 * Whether JVMs are wanted for some main class and none of them is idle with its
	 * warm-up over: they are starting or warming up (or all busy).
	 */
	synchronized boolean warming() {
		return !this.closed && !this.classes.isEmpty() && ready() == 0;
	}

	private WarmJvm take(long heapBytes) {
		Deque<WarmJvm> jvms = this.idle.getOrDefault(heapBytes, new ArrayDeque<>());
		jvms.removeIf((jvm) -> !jvm.process().isAlive());
		WarmJvm chosen = jvms.stream().filter(WarmJvm::ready).findFirst().orElse(jvms.peekFirst());
		if (chosen != null) {
			jvms.remove(chosen);
		}
		return chosen;
	}

	// a JVM said its job has ended: back to the idle ones, unless it is to end or enough
	// are idle
	private void ended(WarmJvm jvm) {
		synchronized (this) {
			jvm.job = null;
			Deque<WarmJvm> jvms = this.idle.computeIfAbsent(jvm.heapBytes, (key) -> new ArrayDeque<>());
			jvms.removeIf((other) -> !other.process().isAlive());
			if (!this.closed && !jvm.retired && jvm.process().isAlive() && jvms.size() < this.size) {
				jvms.addFirst(jvm);
			}
			else {
				closeQuietly(jvm.process().getOutputStream());
			}
		}
		this.jobEnded.run();
	}

	private synchronized void exited(WarmJvm jvm) {
		this.all.remove(jvm.process().pid());
		fill(jvm.heapBytes);
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
		command.addAll(this.jvms.command(WarmJvmMain.class.getName(), this.jvms.reusableOptions(heapBytes)));
		command.addAll(this.classes.getOrDefault(heapBytes, Set.of()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(WarmJvmMain.JVM_LOG_FILE).toFile()));
		builder.environment().put("CAESAR_WORKER_DIR", dir.toString());
		builder.environment().put(WarmJvmMain.POOL_PIPE_VARIABLE, WarmJvmMain.POOL_PIPE_DESCRIPTOR);
		Process process = builder.start();
		WarmJvm jvm = new WarmJvm(process, process.info().startInstant().orElse(Instant.now()), dir, heapBytes);
		this.all.put(process.pid(), jvm);
		Thread reader = new Thread(() -> read(jvm), "worker-jvm-" + process.pid());
		reader.setDaemon(true);
		reader.start();
		process.onExit().thenRun(() -> {
			exited(jvm);
			this.jobEnded.run();
		});
		return jvm;
	}

	// what a JVM reports on its pipe, until it ends
	private void read(WarmJvm jvm) {
		try (BufferedReader reports = new BufferedReader(
				new InputStreamReader(jvm.process().getInputStream(), StandardCharsets.US_ASCII))) {
			String report;
			while ((report = reports.readLine()) != null) {
				if (report.equals(WarmJvmMain.DONE)) {
					ended(jvm);
				}
			}
		}
		catch (IOException ex) {
			// the JVM is gone
		}
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		this.idle.clear();
		// end of input: an idle JVM exits at once and its wrapper removes its dir; a busy
		// one after its job; the pool's own dir goes with the last of them
		this.all.values().forEach((jvm) -> {
			closeQuietly(jvm.process().getOutputStream());
			jvm.process().onExit().thenRun(this::removeRootIfEmpty);
		});
		removeRootIfEmpty();
	}

	private void removeRootIfEmpty() {
		try {
			Files.deleteIfExists(this.root);
		}
		catch (IOException ex) {
			// a JVM's dir is still there: the last one to end removes it
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

	/** A started worker JVM. */
	static final class WarmJvm {

		private final Process process;

		private final Instant started;

		private final Path dir;

		private final long heapBytes;

		// the job dir of the job it runs, guarded by the pool
		private @Nullable Path job;

		// ended for its job: takes no other
		private boolean retired;

		WarmJvm(Process process, Instant started, Path dir, long heapBytes) {
			this.process = process;
			this.started = started;
			this.dir = dir;
			this.heapBytes = heapBytes;
		}

		/** Its wrapper, the leader of its session. */
		Process process() {
			return this.process;
		}

		/** When its wrapper started. */
		Instant started() {
			return this.started;
		}

		boolean ready() {
			return Files.exists(this.dir.resolve(WarmJvmMain.READY_FILE));
		}

		// gives the JVM its job; false when it can no longer take one
		private boolean hand(byte[] job, Path jobDir) {
			try {
				OutputStream input = this.process.getOutputStream();
				input.write(job);
				input.flush();
				this.job = jobDir;
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

}
