package io.caesarrest.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
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

	private final LockingTaskExecutor locks;

	private ScheduledExecutorService executor;

	JobMonitorLoop(JobDispatcher dispatcher, JobReconciler reconciler, MonitorProperties properties,
			LockingTaskExecutor locks) {
		this.dispatcher = dispatcher;
		this.reconciler = reconciler;
		this.properties = properties;
		this.locks = locks;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newScheduledThreadPool(2, (r) -> new Thread(r, "job-monitor"));
		schedule("caesar-monitor-dispatch", this.dispatcher::dispatchPending, this.properties.dispatchInterval());
		schedule("caesar-monitor-reconcile", this.reconciler::reconcile, this.properties.period());
	}

	/**
	 * Runs a task periodically, holding a lock in MongoDB while it runs so that only one
	 * monitor of a deployment is active; a standby takes over when the active one's lock
	 * expires.
	 */
	private void schedule(String lock, Runnable task, Duration interval) {
		Duration atMost = interval.multipliedBy(2).plus(this.properties.lockMargin());
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				this.locks.executeWithLock(task,
						new LockConfiguration(Instant.now(), lock, atMost, interval.dividedBy(2)));
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
