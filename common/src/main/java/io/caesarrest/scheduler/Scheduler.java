package io.caesarrest.scheduler;

import java.util.Collection;
import java.util.Map;

/**
 * A backend that runs jobs. Job state lives in MongoDB and is written by the service; a
 * scheduler only runs, reports and cancels. Implementations are thread-safe.
 */
public interface Scheduler {

	/** The name stored in each job record, e.g. {@code local} or {@code slurm}. */
	String name();

	/**
	 * Starts (or queues) a job.
	 * @param launch what to run; never null
	 * @return the backend's handle, to be stored with the job; never null
	 * @throws SchedulerException if the backend refused the job or could not be reached
	 */
	SchedulerRef submit(JobLaunch launch);

	/**
	 * Reports the executions of many jobs with one backend call.
	 * @param refs handles returned by {@link #submit}
	 * @return an entry for every handle the backend still knows; a handle it does not
	 * know is absent, never reported as failed
	 * @throws SchedulerException if the backend could not be reached (no job is then
	 * affected)
	 */
	Map<SchedulerRef, Execution> poll(Collection<SchedulerRef> refs);

	/**
	 * Stops a job. Idempotent: cancelling a finished or already cancelled job does
	 * nothing.
	 * @param ref the handle
	 * @throws SchedulerException if the backend could not be reached
	 */
	void cancel(SchedulerRef ref);

}
