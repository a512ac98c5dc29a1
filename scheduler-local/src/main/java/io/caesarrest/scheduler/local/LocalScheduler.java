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
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.scheduler.SchedulerRejectedException;
import io.caesarrest.storage.StorageLayout;
import org.jspecify.annotations.Nullable;

/**
 * Runs jobs as processes on this machine. Each job runs in a session of its own (so that
 * cancel and time-out stop its whole process tree) under a small wrapper that writes the
 * exit code to a file in the job dir, so that a job's result survives a restart of the
 * service.
 */
public class LocalScheduler implements Scheduler, AutoCloseable {

	private static final String EXIT_CODE_FILE = JobLaunch.EXIT_CODE_FILE;

	static final int TIMED_OUT_EXIT_CODE = 124;

	static final int CANCELED_EXIT_CODE = -1;

	// "$@" keeps every argument one word: values are never parsed by the shell
	private static final String WRAPPER = "\"$@\"; rc=$?; printf '%s\\n' \"$rc\" > " + EXIT_CODE_FILE + ".tmp && mv -f "
			+ EXIT_CODE_FILE + ".tmp " + EXIT_CODE_FILE + "; exit \"$rc\"";

	private final Map<Long, Running> running = new ConcurrentHashMap<>();

	private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread thread = new Thread(r, "local-scheduler-killer");
		thread.setDaemon(true);
		return thread;
	});

	private final int cores;

	private final Duration pollInterval;

	private final Duration killGrace;

	private final Clock clock;

	private volatile @Nullable Runnable exitListener;

	/**
	 * Creates the scheduler.
	 * @param cores the cores its jobs share
	 * @param pollInterval how often the engine should poll it
	 * @param killGrace time between SIGTERM and SIGKILL when a job is stopped
	 * @param clock the clock
	 */
	public LocalScheduler(int cores, Duration pollInterval, Duration killGrace, Clock clock) {
		this.cores = cores;
		this.pollInterval = pollInterval;
		this.killGrace = killGrace;
		this.clock = clock;
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
		return Optional.of("the local scheduler runs native commands only, and this app runs in the container image "
				+ launch.image());
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
		if (launch.isContainer()) {
			throw new SchedulerRejectedException(
					"The local scheduler runs native apps only; " + launch.app() + " runs in a container image");
		}
		Path jobDir = StorageLayout.createDirectories(launch.jobDir());
		List<String> command = new ArrayList<>(List.of("setsid", "/bin/sh", "-c", WRAPPER, "caesar-job"));
		command.addAll(launch.argv());
		ProcessBuilder builder = new ProcessBuilder(command).directory(jobDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(jobDir.resolve(launch.logFileName()).toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		builder.environment().putAll(launch.environment());
		builder.environment().put("JOB_DIR", jobDir.toString());
		builder.environment().put("JOB_OUTDIR", jobDir.toString());
		try {
			Files.deleteIfExists(jobDir.resolve(EXIT_CODE_FILE));
			Process process = builder.start();
			Instant started = process.info().startInstant().orElse(this.clock.instant());
			LocalRef ref = new LocalRef(process.pid(), started, started.plus(launch.maxRunTime()), jobDir);
			this.running.put(process.pid(), new Running(ref, process.toHandle(), process, null));
			process.onExit().thenRun(this::processEnded);
			return ref.toRef();
		}
		catch (IOException ex) {
			throw new SchedulerRejectedException("Cannot start " + launch.argv().get(0) + ": " + ex.getMessage(), ex);
		}
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
		Running job = this.running.computeIfAbsent(local.pid(), (pid) -> adopt(local).orElse(null));
		if (job != null && job.outcome() == null && job.handle().isAlive()) {
			this.running.put(local.pid(), job.ending(JobState.CANCELED, CANCELED_EXIT_CODE, "Job canceled by user"));
			stop(local.pid());
		}
	}

	private Optional<Execution> execution(LocalRef ref) {
		Running job = this.running.get(ref.pid());
		if (job == null) {
			Optional<Running> adopted = adopt(ref);
			if (adopted.isEmpty()) {
				return ended(ref, null);
			}
			job = adopted.get();
			this.running.put(ref.pid(), job);
		}
		if (job.handle().isAlive()) {
			if (job.outcome() == null && this.clock.instant().isAfter(ref.deadline())) {
				this.running.put(ref.pid(), job.ending(JobState.TIMED_OUT, TIMED_OUT_EXIT_CODE,
						"Job exceeded its time limit and was stopped"));
				stop(ref.pid());
			}
			return Optional
				.of(new Execution(JobState.RUNNING, null, ref.started(), null, "Job running (pid " + ref.pid() + ")"));
		}
		this.running.remove(ref.pid());
		if (job.outcome() == null && job.process() != null) {
			int code = job.process().exitValue();
			return Optional.of(new Execution(JobState.fromExitCode(code), code, ref.started(), this.clock.instant(),
					describeExit(code)));
		}
		return ended(ref, job.outcome());
	}

	private Optional<Execution> ended(LocalRef ref, Outcome outcome) {
		Instant end = this.clock.instant();
		if (outcome != null) {
			return Optional
				.of(new Execution(outcome.state(), outcome.exitCode(), ref.started(), end, outcome.message()));
		}
		return readExitCode(ref.jobDir())
			.map((code) -> new Execution(JobState.fromExitCode(code), code, ref.started(), end, describeExit(code)));
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

	/** A process of an earlier life of the service that is still running, if any. */
	private Optional<Running> adopt(LocalRef ref) {
		return ProcessHandle.of(ref.pid())
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> handle.info()
				.startInstant()
				.map((s) -> Duration.between(s, ref.started()).abs().toMillis() < 2000)
				.orElse(false))
			.map((handle) -> new Running(ref, handle, null, null));
	}

	private static Optional<Integer> readExitCode(Path jobDir) {
		try {
			return Optional.of(Integer.parseInt(Files.readString(jobDir.resolve(EXIT_CODE_FILE)).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private void stop(long sid) {
		ProcessSessions.signal(sid, false);
		this.killer.schedule(() -> ProcessSessions.signal(sid, true), this.killGrace.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.killer.shutdown();
	}

	private record Running(LocalRef ref, ProcessHandle handle, Process process, Outcome outcome) {

		Running ending(JobState state, int exitCode, String message) {
			return new Running(this.ref, this.handle, this.process, new Outcome(state, exitCode, message));
		}

	}

	private record Outcome(JobState state, int exitCode, String message) {

	}

}
