package io.caesarrest.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caesarrest.app.App;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobChange;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.scheduler.SchedulerRejectedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands pending jobs to the backend, oldest first, within its capacity. A job the backend
 * cannot take now stays pending and is retried; one it refuses for good ends FAILURE.
 */
class JobDispatch {

	private static final Logger log = LoggerFactory.getLogger(JobDispatch.class);

	private final JobRepository jobs;

	private final Scheduler scheduler;

	private final AppCatalog apps;

	private final EngineSettings settings;

	private final Clock clock;

	JobDispatch(JobRepository jobs, Scheduler scheduler, AppCatalog apps, EngineSettings settings, Clock clock) {
		this.jobs = jobs;
		this.scheduler = scheduler;
		this.apps = apps;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Submits pending jobs, oldest first, while the backend has room.
	 * @param pending the pending jobs not yet handed to the backend, oldest first
	 * @param held the jobs the backend runs, to which the submitted ones are added
	 * @param now the current time
	 * @return what was done
	 */
	Result dispatchPending(List<Job> pending, Map<String, JobEngine.Held> held, Instant now) {
		int submitted = 0;
		for (Job job : pending) {
			if (!hasRoom(held)) {
				break;
			}
			if (!this.jobs.watched().claim(job.id(), this.settings.name(), now, now.plus(this.settings.claimLease()))) {
				continue;
			}
			try {
				submit(job, held);
				submitted++;
			}
			catch (SchedulerRejectedException | IllegalArgumentException ex) {
				refuse(job, ex.getMessage());
			}
			catch (SchedulerException ex) {
				log.warn("Cannot submit job {}: {}", job.id(), ex.getMessage());
				return new Result(submitted, ex);
			}
		}
		return new Result(submitted, null);
	}

	private boolean hasRoom(Map<String, JobEngine.Held> held) {
		int used = held.values().stream().mapToInt(JobEngine.Held::cores).sum();
		return used < this.scheduler.capacity().orElse(Integer.MAX_VALUE);
	}

	private void submit(Job job, Map<String, JobEngine.Held> held) {
		App app = this.apps.find(job.app())
			.orElseThrow(() -> new SchedulerRejectedException("app " + job.app() + " is no longer configured"));
		Optional<String> refusal = this.scheduler.refusal(app.launch());
		if (refusal.isPresent()) {
			throw new SchedulerRejectedException(refusal.get());
		}
		SchedulerRef ref = this.scheduler.submit(JobLaunches.of(job, app));
		if (this.jobs.recordSubmission(job.id(), ref.value(), this.scheduler.processId(ref),
				"Job submitted to " + this.scheduler.name())) {
			int cores = Math.min(Math.max(1, job.cores()), this.scheduler.capacity().orElse(Integer.MAX_VALUE));
			held.put(job.id(), new JobEngine.Held(ref, cores));
		}
		else {
			// canceled while being submitted
			this.scheduler.cancel(ref);
		}
	}

	private void refuse(Job job, String reason) {
		this.jobs.transition(job.id(), JobState.PENDING,
				JobChange.to(JobState.FAILURE, "Job refused by the " + this.scheduler.name() + " scheduler: " + reason)
					.exitCode(-1)
					.ended(this.clock.instant()));
		log.warn("Job {} refused by {}: {}", job.id(), this.scheduler.name(), reason);
	}

	/**
	 * What a dispatch round did.
	 *
	 * @param submitted jobs handed to the backend
	 * @param unreachable why the backend could not be reached, or null
	 */
	record Result(int submitted, @Nullable SchedulerException unreachable) {

	}

}
