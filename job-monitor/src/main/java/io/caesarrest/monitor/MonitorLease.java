package io.caesarrest.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.caesarrest.job.MonitorLeadership;
import io.caesarrest.job.PeriodicTasks;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Leadership among the job monitors of a deployment, as a lease held in MongoDB (a
 * ShedLock lock that the active monitor extends every third of the lease). A standby
 * tries to take the lease at the same rate and gets it once the active monitor stopped
 * extending it: at once after a clean stop, after at most one lease after a crash. A
 * monitor stops acting a third of a lease before its lease could run out, so two monitors
 * never act at the same time while the store is reachable.
 */
class MonitorLease implements MonitorLeadership, SmartLifecycle {

	static final String LOCK_NAME = "caesar-monitor";

	private static final Logger log = LoggerFactory.getLogger(MonitorLease.class);

	private final ExtensibleLockProvider locks;

	private final Duration lease;

	private final Clock clock;

	private volatile SimpleLock lock;

	private volatile Instant validUntil = Instant.MIN;

	private ScheduledExecutorService executor;

	MonitorLease(ExtensibleLockProvider locks, Duration lease, Clock clock) {
		this.locks = locks;
		this.lease = lease;
		this.clock = clock;
	}

	@Override
	public boolean isLeader() {
		return this.lock != null && this.clock.instant().isBefore(this.validUntil);
	}

	/** Takes the lease if it is free, or extends it if this monitor holds it. */
	synchronized void renew() {
		Instant now = this.clock.instant();
		try {
			Optional<SimpleLock> renewed = (this.lock == null)
					? this.locks.lock(new LockConfiguration(now, LOCK_NAME, this.lease, Duration.ZERO))
					: this.lock.extend(this.lease, Duration.ZERO);
			if (renewed.isPresent()) {
				if (this.lock == null) {
					log.info("This job monitor is now the active one (lease {})", this.lease);
				}
				this.lock = renewed.get();
				this.validUntil = now.plus(this.lease.multipliedBy(2).dividedBy(3));
			}
			else if (this.lock != null) {
				log.warn("This job monitor lost its lease to another one and is now a standby");
				this.lock = null;
				this.validUntil = Instant.MIN;
			}
		}
		catch (RuntimeException ex) {
			// the store is unreachable: keep acting until the lease could run out
			log.warn("Cannot renew the job monitor lease: {}", ex.toString());
		}
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((r) -> new Thread(r, "monitor-lease"));
		this.executor.scheduleWithFixedDelay(this::renew, 0, Math.max(1, this.lease.toMillis() / 3),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
		if (this.lock != null) {
			try {
				this.lock.unlock();
				log.info("Released the job monitor lease");
			}
			catch (RuntimeException ex) {
				log.warn("Cannot release the job monitor lease: {}", ex.toString());
			}
			this.lock = null;
			this.validUntil = Instant.MIN;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	@Override
	public int getPhase() {
		// started before and stopped after the loops that ask it
		return PeriodicTasks.PHASE - 100;
	}

}
