package io.caesarrest.monitor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.caesarrest.job.MonitorLeadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the monitor's periodic tasks (dispatcher, reconciler, retention) on threads of
 * their own while the application runs, each round only while this process is the active
 * monitor.
 */
class JobMonitorLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobMonitorLoop.class);

	private final String name;

	private final List<Task> tasks;

	private final MonitorLeadership leadership;

	private ScheduledExecutorService executor;

	JobMonitorLoop(String name, MonitorLeadership leadership, List<Task> tasks) {
		this.name = name;
		this.leadership = leadership;
		this.tasks = List.copyOf(tasks);
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newScheduledThreadPool(this.tasks.size(), (r) -> new Thread(r, this.name));
		for (Task task : this.tasks) {
			this.executor.scheduleWithFixedDelay(() -> runRound(task), 0, task.interval().toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	private void runRound(Task task) {
		try {
			if (this.leadership.isLeader()) {
				task.action().run();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Job monitor round failed, retrying: {}", ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * A periodic task.
	 *
	 * @param action what to run
	 * @param interval the time between the end of a round and the start of the next
	 */
	record Task(Runnable action, Duration interval) {

	}

}
