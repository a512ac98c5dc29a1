package io.caesarrest.scheduler.local;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.caesarrest.job.MonitorLeadership;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the local worker's rounds on a thread of its own while the application runs and
 * this process is the active monitor.
 */
class LocalWorkerLoop implements SmartLifecycle {

	private final LocalWorker worker;

	private final Duration interval;

	private final MonitorLeadership leadership;

	private boolean leading;

	private ScheduledExecutorService executor;

	LocalWorkerLoop(LocalWorker worker, Duration interval, MonitorLeadership leadership) {
		this.worker = worker;
		this.interval = interval;
		this.leadership = leadership;
	}

	/**
	 * One round while this process leads; a worker that stops leading lets its jobs go.
	 */
	void round() {
		boolean leader = this.leadership.isLeader();
		if (leader) {
			this.worker.runOnce();
		}
		else if (this.leading) {
			this.worker.release();
		}
		this.leading = leader;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((r) -> new Thread(r, "local-worker"));
		this.executor.scheduleWithFixedDelay(this::round, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdown();
			try {
				this.executor.awaitTermination(10, TimeUnit.SECONDS);
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

}
