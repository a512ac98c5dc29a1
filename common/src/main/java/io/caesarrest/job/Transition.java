package io.caesarrest.job;

import java.util.Set;

/**
 * One compare-and-set state change of a batch: the job as the caller saw it, the states
 * it may still be in, and the change.
 *
 * @param job the job
 * @param expected the states the change applies from
 * @param change the target state and the fields written with it
 */
public record Transition(Job job, Set<JobState> expected, JobChange change) {

	public Transition(Job job, JobChange change) {
		this(job, Set.of(job.state()), change);
	}

}
