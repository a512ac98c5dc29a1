package io.caesarrest.monitor;

import io.caesarrest.engine.JobEngine;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports whether the scheduler answered the engine's last poll or submission.
 */
class SchedulerHealthIndicator implements HealthIndicator {

	private final JobEngine engine;

	SchedulerHealthIndicator(JobEngine engine) {
		this.engine = engine;
	}

	@Override
	public Health health() {
		Health.Builder health = (this.engine.unreachableSince() == null) ? Health.up()
				: Health.down().withDetail("unreachableSince", String.valueOf(this.engine.unreachableSince()));
		JobEngine.Cycle cycle = this.engine.lastCycle();
		return health.withDetail("scheduler", this.engine.scheduler().name())
			.withDetail("activeJobs", cycle.jobs())
			.withDetail("lastCycleWrites", cycle.writes())
			.build();
	}

}
