package io.caesarrest.job;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Background rounds while the application runs: each task on a thread of its own, with a
 * fixed delay between rounds, a round skipped while the gate is closed (e.g. while this
 * process is not the active monitor), and a failed round logged and retried at the next
 * one. On stop, running rounds get up to 10 s to finish.
 */
public class PeriodicTasks implements SmartLifecycle {

	/**
	 * The loops' lifecycle phase: before the web server's ({@code Integer.MAX_VALUE -
	 * 2048} in Spring Boot), so that the service's own loops run before its port opens
	 * (the job warm-up runs jobs through them then) and stop only after its requests have
	 * drained.
	 */
	public static final int PHASE = Integer.MAX_VALUE - 4096;

	private static final Logger log = LoggerFactory.getLogger(PeriodicTasks.class);

	private final String name;

	private final BooleanSupplier gate;

	private final List<Task> tasks;

	private ScheduledExecutorService executor;

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	/**
	 * Creates the tasks' runner.
	 * @param name the threads' name
	 * @param gate whether a round may run now
	 * @param tasks the tasks
	 */
	public PeriodicTasks(String name, BooleanSupplier gate, List<Task> tasks) {
		this.name = name;
		this.gate = gate;
		this.tasks = List.copyOf(tasks);
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newScheduledThreadPool(this.tasks.size(), (r) -> new Thread(r, this.name));
		for (Task task : this.tasks) {
			this.executor.scheduleWithFixedDelay(() -> runRound(task), task.initialDelay().toMillis(),
					task.interval().toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Runs one extra round of every task as soon as a thread is free, for work that
	 * should not wait for the next period (a job just submitted, a process just ended);
	 * wake-ups that arrive before that round starts are merged into it.
	 */
	public synchronized void wakeUp() {
		if (this.executor != null && this.wakeUpPending.compareAndSet(false, true)) {
			this.executor.execute(() -> {
				this.wakeUpPending.set(false);
				this.tasks.forEach(this::runRound);
			});
		}
	}

	private void runRound(Task task) {
		try {
			if (this.gate.getAsBoolean()) {
				task.action().run();
			}
		}
		catch (RuntimeException ex) {
			// a failed round (store or scheduler briefly unavailable) must not end the
			// loop
			log.warn("{} round failed, retrying in {}: {}", this.name, task.interval(), ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdown();
			try {
				if (!this.executor.awaitTermination(10, TimeUnit.SECONDS)) {
					this.executor.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * A periodic task.
	 *
	 * @param action what a round runs
	 * @param initialDelay the time before the first round
	 * @param interval the time between the end of a round and the start of the next
	 */
	public record Task(Runnable action, Duration initialDelay, Duration interval) {

		/**
		 * A task whose first round runs at once.
		 * @param action what a round runs
		 * @param interval the time between rounds
		 */
		public Task(Runnable action, Duration interval) {
			this(action, Duration.ZERO, interval);
		}

	}

}
