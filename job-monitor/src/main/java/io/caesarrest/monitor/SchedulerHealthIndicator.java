package io.caesarrest.monitor;

import io.caesarrest.scheduler.Scheduler;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports whether the remote scheduler answered the monitor's last poll.
 */
class SchedulerHealthIndicator implements HealthIndicator {

	private final Scheduler scheduler;

	private final JobReconciler reconciler;

	SchedulerHealthIndicator(Scheduler scheduler, JobReconciler reconciler) {
		this.scheduler = scheduler;
		this.reconciler = reconciler;
	}

	@Override
	public Health health() {
		Health.Builder health = (this.reconciler.unreachableSince() == null) ? Health.up()
				: Health.down().withDetail("unreachableSince", this.reconciler.unreachableSince().toString());
		JobReconciler.Cycle cycle = this.reconciler.lastCycle();
		return health.withDetail("scheduler", this.scheduler.name())
			.withDetail("activeJobs", cycle.jobs())
			.withDetail("lastCycleWrites", cycle.writes())
			.build();
	}

}
