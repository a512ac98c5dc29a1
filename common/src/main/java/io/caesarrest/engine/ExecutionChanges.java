package io.caesarrest.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobChange;
import io.caesarrest.job.JobOutputs;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.job.Transition;
import io.caesarrest.scheduler.Execution;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a backend reports about a job into the change to write: the one mapping from
 * an execution to a job's state, exit code, dates and outputs index, and the count of
 * polls a job was missing before it is declared lost.
 */
class ExecutionChanges {

	private final JobRepository jobs;

	private final AppCatalog apps;

	private final int lostAfter;

	private final Map<String, Integer> misses = new HashMap<>();

	ExecutionChanges(JobRepository jobs, AppCatalog apps, int lostAfter) {
		this.jobs = jobs;
		this.apps = apps;
		this.lostAfter = lostAfter;
	}

	/**
	 * Works out what a poll means for a job: a state change joins the batch, a status
	 * change is written at once (rare), nothing else is written.
	 * @return whether a status was written
	 */
	boolean apply(Job job, @Nullable Execution execution, Instant now, List<Transition> batch) {
		if (execution == null) {
			int missed = this.misses.merge(job.id(), 1, Integer::sum);
			if (missed >= this.lostAfter) {
				this.misses.remove(job.id());
				batch.add(end(job,
						JobChange.to(JobState.FAILURE,
								"Job lost by the scheduler: it no longer knows the job and the job left no exit code")
							.exitCode(-1)
							.ended(now)));
			}
			return false;
		}
		this.misses.remove(job.id());
		JobState target = execution.state();
		if (target == job.state()) {
			if (Objects.equals(execution.message(), job.status())) {
				return false;
			}
			this.jobs.updateStatus(job.id(), job.state(), execution.message());
			return true;
		}
		JobChange change = JobChange.to(target, execution.message());
		if (execution.start() != null) {
			change.started(execution.start());
		}
		if (target.isTerminal()) {
			change.exitCode((execution.exitCode() != null) ? execution.exitCode() : -1)
				.ended((execution.end() != null) ? execution.end() : now);
			batch.add(end(job, change));
		}
		else {
			batch.add(new Transition(job, change));
		}
		return false;
	}

	/** The transition that ends a job, with the index of the outputs it left. */
	Transition end(Job job, JobChange change) {
		return new Transition(job, change.outputs(JobOutputs.index(this.apps, job)));
	}

	/** Forgets the misses counted so far (this engine stopped leading). */
	void reset() {
		this.misses.clear();
	}

}
