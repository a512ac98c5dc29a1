package io.caesarrest.scheduler.local;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the local worker's rounds on a thread of its own while the application runs.
 */
class LocalWorkerLoop implements SmartLifecycle {

	private final LocalWorker worker;

	private final Duration interval;

	private ScheduledExecutorService executor;

	LocalWorkerLoop(LocalWorker worker, Duration interval) {
		this.worker = worker;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((r) -> new Thread(r, "local-worker"));
		this.executor.scheduleWithFixedDelay(this.worker::runOnce, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
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
