package io.caesarrest.scheduler.slurm;

import java.util.List;

/**
 * The few slurmrestd operations the backend uses, one implementation per family of
 * OpenAPI versions.
 */
interface SlurmApi {

	/** The OpenAPI version spoken, e.g. {@code v0.0.38}. */
	String version();

	/**
	 * Submits a batch job.
	 * @param request the job
	 * @return Slurm's job id
	 */
	long submit(SlurmJobRequest request);

	/**
	 * Lists every job slurmctld still remembers, in one request.
	 * @return the jobs
	 */
	List<SlurmJob> jobs();

	/**
	 * Kills a job; a finished or unknown job is not an error.
	 * @param jobId Slurm's job id
	 */
	void cancel(long jobId);

}
