package io.caesarrest.monitor;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the dispatcher and the reconciler on threads of their own while the application
 * runs.
 */
class JobMonitorLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobMonitorLoop.class);

	private final JobDispatcher dispatcher;

	private final JobReconciler reconciler;

	private final MonitorProperties properties;

	private ScheduledExecutorService executor;

	JobMonitorLoop(JobDispatcher dispatcher, JobReconciler reconciler, MonitorProperties properties) {
		this.dispatcher = dispatcher;
		this.reconciler = reconciler;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newScheduledThreadPool(2, (r) -> new Thread(r, "job-monitor"));
		schedule(this.dispatcher::dispatchPending, this.properties.dispatchInterval());
		schedule(this.reconciler::reconcile, this.properties.period());
	}

	private void schedule(Runnable task, Duration interval) {
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				log.warn("Job monitor round failed, retrying: {}", ex.toString());
			}
		}, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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

}
