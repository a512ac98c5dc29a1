package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.caesarrest.app.AppLaunch;
import io.caesarrest.app.JavaMainCommand;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.scheduler.SchedulerRejectedException;
import io.caesarrest.storage.StorageLayout;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Runs jobs as processes on this machine. Each job runs in a session of its own (so that
 * cancel and time-out stop its whole process tree) under a small wrapper that writes the
 * exit code to a file in the job dir, so that a job's result survives a restart of the
 * service. With a container runtime, an app that has an image runs in a container of its
 * own, through the runtime's client attached as the job's process ({@link ContainerCli}).
 */
public class LocalScheduler implements Scheduler, AutoCloseable {

	private static final Log logger = LogFactory.getLog(LocalScheduler.class);

	private static final String EXIT_CODE_FILE = JobLaunch.EXIT_CODE_FILE;

	static final int TIMED_OUT_EXIT_CODE = 124;

	static final int CANCELED_EXIT_CODE = -1;

	private static final String SAVE_EXIT_CODE = "printf '%s\\n' \"$rc\" > " + EXIT_CODE_FILE + ".tmp && mv -f "
			+ EXIT_CODE_FILE + ".tmp " + EXIT_CODE_FILE + "; ";

	// removes the job's container once its exit code is saved
	private static final String REMOVE_CONTAINER = "if [ -n \"${CAESAR_CONTAINER:-}\" ]; then "
			+ "\"$CAESAR_CONTAINER_CLI\" rm --force --volumes \"$CAESAR_CONTAINER\" >/dev/null 2>&1; fi; ";

	// "$@" keeps every argument one word: values are never parsed by the shell
	private static final String WRAPPER = "\"$@\"; rc=$?; " + SAVE_EXIT_CODE + REMOVE_CONTAINER + "exit \"$rc\"";

	// follows a container whose client is gone (after a crash): its further output to the
	// log, its exit code to the exit-code file
	private static final String FOLLOWER = "\"$CAESAR_CONTAINER_CLI\" logs --follow --since \"$CAESAR_LOGS_SINCE\" "
			+ "\"$CAESAR_CONTAINER\" & rc=$(\"$CAESAR_CONTAINER_CLI\" wait \"$CAESAR_CONTAINER\"); wait; "
			+ "case \"$rc\" in ''|*[!0-9]*) exit 1;; esac; " + SAVE_EXIT_CODE + REMOVE_CONTAINER + "exit \"$rc\"";

	/** The exit code of a container runtime's client that could not run the container. */
	static final int CONTAINER_NOT_STARTED_EXIT_CODE = 125;

	private final Map<LocalRef, Running> running = new ConcurrentHashMap<>();

	private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread thread = new Thread(r, "local-scheduler-killer");
		thread.setDaemon(true);
		return thread;
	});

	private final int cores;

	private final Duration pollInterval;

	private final Duration killGrace;

	private final Clock clock;

	private final @Nullable ContainerCli containers;

	private final @Nullable WorkerJvms jvms;

	private final @Nullable WarmJvmPool warmJvms;

	// the worker JVMs' shared parts are being made, before the pool starts any
	private volatile boolean preparingJava;

	private volatile @Nullable Runnable exitListener;

	/**
	 * Creates the scheduler.
	 * @param cores the cores its jobs share
	 * @param pollInterval how often the engine should poll it
	 * @param killGrace time between SIGTERM and SIGKILL when a job is stopped
	 * @param clock the clock
	 */
	public LocalScheduler(int cores, Duration pollInterval, Duration killGrace, Clock clock) {
		this(cores, pollInterval, killGrace, clock, null, null, 0);
	}

	/**
	 * Creates the scheduler.
	 * @param cores the cores its jobs share
	 * @param pollInterval how often the engine should poll it
	 * @param killGrace time between SIGTERM and SIGKILL when a job is stopped
	 * @param clock the clock
	 * @param containers the container runtime of image apps, {@code null} to refuse them
	 * @param jvms how JVMs of Java apps start, {@code null} for the defaults of
	 * {@link JavaMainCommand}
	 * @param warmJvms idle pre-started JVMs to keep per heap size for Java apps, 0 for
	 * none
	 */
	public LocalScheduler(int cores, Duration pollInterval, Duration killGrace, Clock clock,
			LocalSchedulerProperties.@Nullable Containers containers, @Nullable WorkerJvms jvms, int warmJvms) {
		this.cores = cores;
		this.pollInterval = pollInterval;
		this.killGrace = killGrace;
		this.clock = clock;
		this.containers = (containers != null && containers.enabled()) ? new ContainerCli(containers) : null;
		this.jvms = jvms;
		this.warmJvms = (jvms != null && warmJvms > 0) ? new WarmJvmPool(warmJvms, jvms, this::processEnded) : null;
	}

	/**
	 * In a background thread: makes what the worker JVMs share ({@code shared}: the
	 * service jar extracted for them, and the class-data archive when that is on), then
	 * starts the pre-started JVMs of the Java apps. Until they are warmed up,
	 * {@link #workersWarmingUp} says so.
	 * @param shared what to make first
	 * @param mainClasses the apps' main classes, with their memory hints (0 when unknown)
	 */
	public void prepareJavaApps(Runnable shared, Map<String, Long> mainClasses) {
		this.preparingJava = true;
		Thread preparing = new Thread(() -> {
			try {
				shared.run();
				mainClasses.forEach(this::prepareJava);
			}
			finally {
				this.preparingJava = false;
			}
		}, "local-scheduler-jvms");
		preparing.setDaemon(true);
		preparing.start();
	}

	/**
	 * Starts pre-started JVMs for a Java app's main class now rather than at its first
	 * job (no-op without a pool, or for a class that cannot run in one).
	 * @param mainClass the main class
	 * @param memoryBytes the app's memory hint, 0 when unknown
	 */
	public void prepareJava(String mainClass, long memoryBytes) {
		if (this.warmJvms != null && WarmJvmMain.canRun(mainClass)) {
			long heap = WorkerJvms.heapBytes(memoryBytes);
			logger.info("Local queue: " + mainClass + " runs in pre-started JVMs ("
					+ ((heap > 0) ? "heap " + (heap >> 20) + " MiB" : "default heap") + ")");
			this.warmJvms.prepare(heap, mainClass);
		}
	}

	@Override
	public String name() {
		return LocalSchedulerBackend.TYPE;
	}

	@Override
	public Optional<String> refusal(AppLaunch launch) {
		if (launch.isNative()) {
			return Optional.empty();
		}
		if (launch.image() == null) {
			return Optional.of("the local scheduler runs native commands and container images, and this app has "
					+ "only a Singularity image");
		}
		if (this.containers == null) {
			return Optional.of("this app runs in the container image " + launch.image()
					+ ", and the local scheduler has no container runtime (caesar.scheduler.local.containers.runtime"
					+ "=docker or podman)");
		}
		return Optional.empty();
	}

	@Override
	public OptionalInt capacity() {
		return OptionalInt.of(this.cores);
	}

	@Override
	public Optional<Duration> pollInterval() {
		return Optional.of(this.pollInterval);
	}

	@Override
	public String processId(SchedulerRef ref) {
		return Long.toString(LocalRef.parse(ref).pid());
	}

	/**
	 * Sets what runs when a process this scheduler started ends (the engine wakes up to
	 * record it at once rather than at its next round).
	 * @param listener the listener
	 */
	@Override
	public void onChange(Runnable listener) {
		this.exitListener = listener;
	}

	private void processEnded() {
		Runnable listener = this.exitListener;
		if (listener != null) {
			listener.run();
		}
	}

	@Override
	public SchedulerRef submit(JobLaunch launch) {
		if (launch.isContainer() && (launch.image() == null || this.containers == null)) {
			throw new SchedulerRejectedException("The local scheduler has no container runtime for " + launch.app()
					+ ", which runs in a container image");
		}
		Path jobDir = StorageLayout.createDirectories(launch.jobDir()).toAbsolutePath();
		List<String> command = new ArrayList<>(List.of("setsid", "/bin/sh", "-c", WRAPPER, "caesar-job"));
		String container = null;
		Map<String, String> environment = new LinkedHashMap<>();
		if (launch.isContainer()) {
			container = ContainerCli.name(launch.jobId());
			// a container of an earlier try of this job (a crash between start and
			// record)
			this.containers.remove(container);
			command.addAll(this.containers.run(launch, jobDir));
			environment.putAll(ContainerCli.environment(launch, jobDir));
			environment.put("CAESAR_CONTAINER", container);
			environment.put("CAESAR_CONTAINER_CLI", this.containers.executable());
		}
		else {
			Optional<SchedulerRef> warm = submitWarm(launch, jobDir);
			if (warm.isPresent()) {
				return warm.get();
			}
			command.addAll(
					(this.jvms != null) ? this.jvms.expand(launch.argv(), WorkerJvms.heapBytes(launch.memoryBytes()))
							: JavaMainCommand.expand(launch.argv()));
			environment.putAll(launch.environment());
			environment.put("JOB_DIR", jobDir.toString());
			environment.put("JOB_OUTDIR", jobDir.toString());
		}
		ProcessBuilder builder = new ProcessBuilder(command).directory(jobDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(jobDir.resolve(launch.logFileName()).toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		builder.environment().putAll(environment);
		try {
			Files.deleteIfExists(jobDir.resolve(EXIT_CODE_FILE));
			if (container != null) {
				ContainerCli.writeArgs(launch, jobDir);
			}
			Process process = builder.start();
			Instant started = process.info().startInstant().orElse(this.clock.instant());
			LocalRef ref = new LocalRef(process.pid(), started, started.plus(launch.maxRunTime()), container, jobDir);
			this.running.put(ref, new Running(ref, process.toHandle(), process, null));
			process.onExit().thenRun(this::processEnded);
			return ref.toRef();
		}
		catch (IOException ex) {
			throw new SchedulerRejectedException("Cannot start " + command.get(5) + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean reusesWorkers(AppLaunch launch) {
		Optional<String> mainClass = JavaMainCommand.mainClass(launch.nativeCommand());
		return this.warmJvms != null && launch.isNative() && mainClass.isPresent()
				&& WarmJvmMain.canRun(mainClass.get());
	}

	@Override
	public boolean workersWarmingUp() {
		return this.warmJvms != null && (this.preparingJava || this.warmJvms.warming());
	}

	/** The pre-started JVMs that are idle and warmed up. */
	int readyJvms() {
		return (this.warmJvms != null) ? this.warmJvms.ready() : 0;
	}

	// a Java app's job in a pre-started JVM, if one can take it
	private Optional<SchedulerRef> submitWarm(JobLaunch launch, Path jobDir) {
		Optional<String> mainClass = JavaMainCommand.mainClass(launch.argv());
		if (this.warmJvms == null || mainClass.isEmpty() || !launch.environment().isEmpty()
				|| !WarmJvmMain.canRun(mainClass.get())) {
			return Optional.empty();
		}
		try {
			Files.deleteIfExists(jobDir.resolve(EXIT_CODE_FILE));
		}
		catch (IOException ex) {
			throw new SchedulerRejectedException("Cannot prepare the job dir " + jobDir + ": " + ex.getMessage(), ex);
		}
		return this.warmJvms.submit(launch, mainClass.get(), WorkerJvms.heapBytes(launch.memoryBytes())).map((jvm) -> {
			Instant started = this.clock.instant();
			LocalRef ref = new LocalRef(jvm.process().pid(), jvm.started(), started, started.plus(launch.maxRunTime()),
					null, jobDir);
			this.running.put(ref, new Running(ref, jvm.process().toHandle(), jvm.process(), null));
			return ref.toRef();
		});
	}

	@Override
	public Map<SchedulerRef, Execution> poll(Collection<SchedulerRef> refs) {
		Map<SchedulerRef, Execution> executions = new LinkedHashMap<>();
		for (SchedulerRef ref : refs) {
			execution(LocalRef.parse(ref)).ifPresent((execution) -> executions.put(ref, execution));
		}
		return executions;
	}

	@Override
	public void cancel(SchedulerRef ref) {
		LocalRef local = LocalRef.parse(ref);
		Running job = this.running.computeIfAbsent(local, (key) -> adopt(key).orElse(null));
		if (job != null && job.outcome() == null && job.alive() && stoppable(local)) {
			this.running.put(local, job.ending(JobState.CANCELED, CANCELED_EXIT_CODE, "Job canceled by user"));
			stop(local, job);
		}
	}

	private Optional<Execution> execution(LocalRef ref) {
		Running job = this.running.get(ref);
		if (job == null) {
			Optional<Running> adopted = adopt(ref);
			if (adopted.isEmpty()) {
				return ended(ref, null);
			}
			job = adopted.get();
			this.running.put(ref, job);
		}
		if (job.alive()) {
			if (job.outcome() == null && this.clock.instant().isAfter(ref.deadline()) && stoppable(ref)) {
				this.running.put(ref, job.ending(JobState.TIMED_OUT, TIMED_OUT_EXIT_CODE,
						"Job exceeded its time limit and was stopped"));
				stop(ref, job);
			}
			return Optional
				.of(new Execution(JobState.RUNNING, null, ref.started(), null, "Job running (pid " + ref.pid() + ")"));
		}
		this.running.remove(ref);
		if (job.outcome() == null && job.process() != null && !ref.sharedProcess()) {
			int code = job.process().exitValue();
			return Optional.of(new Execution(JobState.fromExitCode(code), code, ref.started(), this.clock.instant(),
					describeExit(ref, code)));
		}
		return ended(ref, job.outcome());
	}

	private Optional<Execution> ended(LocalRef ref, Outcome outcome) {
		Instant end = this.clock.instant();
		if (outcome != null) {
			return Optional
				.of(new Execution(outcome.state(), outcome.exitCode(), ref.started(), end, outcome.message()));
		}
		Optional<Integer> saved = readExitCode(ref.jobDir());
		if (saved.isEmpty() && ref.container() != null && this.containers != null) {
			// the client died before its container ended, and the container is gone or
			// ended
			saved = this.containers.inspect(ref.container())
				.filter((state) -> !state.running())
				.map((state) -> state.oomKilled() ? OOM_EXIT_CODE : state.exitCode());
			saved.ifPresent((code) -> this.containers.remove(ref.container()));
		}
		return saved.map((code) -> new Execution(JobState.fromExitCode(code), code, ref.started(), end,
				describeExit(ref, code)));
	}

	private static final int OOM_EXIT_CODE = 137;

	static String describeExit(LocalRef ref, int code) {
		if (ref.container() != null && code == CONTAINER_NOT_STARTED_EXIT_CODE) {
			return "Container did not start: " + lastLogLine(ref.containerLog());
		}
		if (ref.container() != null && code == OOM_EXIT_CODE) {
			return "Process terminated by signal 9 (killed, e.g. beyond its memory limit)";
		}
		return describeExit(code);
	}

	// the client's own error is the last line it printed
	private static String lastLogLine(@Nullable Path log) {
		if (log == null) {
			return "see the job log";
		}
		try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
			long start = Math.max(0, file.length() - 4096);
			byte[] tail = new byte[(int) (file.length() - start)];
			file.seek(start);
			file.readFully(tail);
			String[] lines = new String(tail, java.nio.charset.StandardCharsets.UTF_8).strip().split("\n");
			for (int i = lines.length - 1; i >= 0; i--) {
				String line = lines[i].strip();
				// the client ends with a hint on its usage after the error itself
				if (!line.isEmpty() && !(line.startsWith("Run '") && line.contains("--help"))) {
					return (line.length() > 300) ? line.substring(0, 300) : line;
				}
			}
			return "see the job log";
		}
		catch (IOException ex) {
			return "see the job log";
		}
	}

	static String describeExit(int code) {
		if (code == 0) {
			return "Process terminated with success";
		}
		if (code == TIMED_OUT_EXIT_CODE) {
			return "Process terminated with return code 124 (time limit)";
		}
		return (code > 128) ? "Process terminated by signal " + (code - 128)
				: "Process terminated with return code " + code;
	}

	/**
	 * A process of an earlier life of the service that is still running, if any; or, for
	 * a job in a container whose client is gone, the container if it still runs (followed
	 * by a new client process that saves its exit code).
	 */
	private Optional<Running> adopt(LocalRef ref) {
		Optional<Running> process = ProcessHandle.of(ref.pid())
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> handle.info()
				.startInstant()
				.map((s) -> Duration.between(s, ref.processStarted()).abs().toMillis() < 2000)
				.orElse(false))
			.map((handle) -> new Running(ref, handle, null, null));
		if (process.isPresent() || ref.container() == null || this.containers == null
				|| Files.exists(ref.jobDir().resolve(EXIT_CODE_FILE))) {
			return process;
		}
		return this.containers.inspect(ref.container())
			.filter(ContainerCli.ContainerState::running)
			.flatMap((state) -> follow(ref));
	}

	private Optional<Running> follow(LocalRef ref) {
		ProcessBuilder builder = new ProcessBuilder("setsid", "/bin/sh", "-c", FOLLOWER, "caesar-job-follower")
			.directory(ref.jobDir().toFile())
			.redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		Path log = ref.containerLog();
		builder.redirectOutput(
				(log != null) ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.DISCARD);
		builder.environment().put("CAESAR_CONTAINER", ref.container());
		builder.environment().put("CAESAR_CONTAINER_CLI", this.containers.executable());
		builder.environment().put("CAESAR_LOGS_SINCE", Long.toString(this.clock.instant().getEpochSecond()));
		try {
			Process follower = builder.start();
			follower.onExit().thenRun(this::processEnded);
			return Optional.of(new Running(ref, follower.toHandle(), follower, null));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Integer> readExitCode(Path jobDir) {
		try {
			return Optional.of(Integer.parseInt(Files.readString(jobDir.resolve(EXIT_CODE_FILE)).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	// a job in a pre-started JVM is stopped by ending the JVM, unless the JVM has gone on
	// to another job
	private boolean stoppable(LocalRef ref) {
		return !ref.sharedProcess() || this.warmJvms == null || this.warmJvms.stopping(ref.pid(), ref.jobDir());
	}

	private void stop(LocalRef ref, Running job) {
		long sid = job.handle().pid();
		ProcessSessions.signal(sid, false);
		String container = ref.container();
		if (container != null && this.containers != null) {
			this.containers.stop(container, this.killGrace);
		}
		this.killer.schedule(() -> {
			ProcessSessions.signal(sid, true);
			if (container != null && this.containers != null) {
				this.containers.remove(container);
			}
		}, this.killGrace.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		if (this.warmJvms != null) {
			this.warmJvms.close();
		}
		this.killer.shutdown();
	}

	private record Running(LocalRef ref, ProcessHandle handle, Process process, Outcome outcome) {

		/**
		 * Whether the job still runs. A child of this JVM is asked as a process, so that
		 * its exit value is there once it is not alive (its handle can report a process
		 * that has exited before the JVM has reaped it). A job in a pre-started JVM has
		 * ended once its exit code is saved, even though the JVM goes on.
		 */
		boolean alive() {
			boolean alive = (this.process != null) ? this.process.isAlive() : this.handle.isAlive();
			return alive
					&& !(this.ref.sharedProcess() && Files.exists(this.ref.jobDir().resolve(JobLaunch.EXIT_CODE_FILE)));
		}

		Running ending(JobState state, int exitCode, String message) {
			return new Running(this.ref, this.handle, this.process, new Outcome(state, exitCode, message));
		}

	}

	private record Outcome(JobState state, int exitCode, String message) {

	}

}
