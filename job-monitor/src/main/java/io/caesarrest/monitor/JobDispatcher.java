package io.caesarrest.monitor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.caesarrest.app.App;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobChange;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.scheduler.SchedulerRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands pending jobs to a remote scheduler. A job the scheduler cannot take now stays
 * pending and is retried; one it refuses for good ends FAILURE.
 */
public class JobDispatcher {

	private static final Logger log = LoggerFactory.getLogger(JobDispatcher.class);

	private static final Duration CLAIM = Duration.ofMinutes(2);

	private final JobRepository jobs;

	private final Scheduler scheduler;

	private final AppCatalog apps;

	private final String name;

	private final Clock clock;

	private Instant unreachableSince;

	public JobDispatcher(JobRepository jobs, Scheduler scheduler, AppCatalog apps, String name, Clock clock) {
		this.jobs = jobs;
		this.scheduler = scheduler;
		this.apps = apps;
		this.name = name;
		this.clock = clock;
	}

	/** Submits every pending job not yet submitted, oldest first; returns how many. */
	public synchronized int dispatchPending() {
		int submitted = 0;
		Instant now = this.clock.instant();
		for (Optional<Job> next = claim(now); next.isPresent(); next = claim(now)) {
			if (!dispatch(next.get())) {
				break;
			}
			submitted++;
		}
		return submitted;
	}

	private Optional<Job> claim(Instant now) {
		return this.jobs.claimUndispatched(this.scheduler.name(), this.name, now, now.plus(CLAIM));
	}

	private boolean dispatch(Job job) {
		try {
			SchedulerRef ref = this.scheduler.submit(launch(job));
			this.unreachableSince = null;
			if (!this.jobs.recordSubmission(job.id(), ref.value(), ref.value(),
					"Job submitted to " + this.scheduler.name() + " and waiting to start")) {
				// canceled while being submitted
				this.scheduler.cancel(ref);
			}
			return true;
		}
		catch (SchedulerRejectedException ex) {
			this.jobs.transition(job.id(), JobState.PENDING, JobChange
				.to(JobState.FAILURE, "Job refused by the " + this.scheduler.name() + " scheduler: " + ex.getMessage())
				.exitCode(-1)
				.ended(this.clock.instant()));
			return true;
		}
		catch (SchedulerException ex) {
			if (this.unreachableSince == null) {
				this.unreachableSince = this.clock.instant();
			}
			this.jobs.updateStatus(job.id(), JobState.PENDING, "Scheduler " + this.scheduler.name()
					+ " unreachable since " + this.unreachableSince + "; will retry (" + ex.getMessage() + ")");
			this.jobs.renewLease(java.util.List.of(job.id()), this.name, this.clock.instant());
			log.warn("Cannot submit job {}: {}", job.id(), ex.getMessage());
			return false;
		}
	}

	private JobLaunch launch(Job job) {
		App app = this.apps.find(job.app())
			.orElseThrow(() -> new SchedulerRejectedException("app " + job.app() + " is no longer configured"));
		boolean container = !app.launch().isNative();
		return new JobLaunch(job.id(), job.owner(), job.app(), job.argv(), container ? app.launch().image() : null,
				container ? app.launch().singularity() : null, Map.of(), Path.of(job.jobDir()),
				Math.max(1, job.cores()), Math.max(1, job.procs()), job.maxRunTime());
	}

}
