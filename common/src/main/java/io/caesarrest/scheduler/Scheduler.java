package io.caesarrest.scheduler;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.caesarrest.app.AppLaunch;

/**
 * A backend that runs jobs. Job state lives in MongoDB and is written by the job engine
 * and the API; a scheduler only runs, reports and cancels. Implementations are
 * thread-safe. A backend module provides one implementation, one auto-configuration that
 * creates it when {@code caesar.scheduler.type} names it, and a {@link SchedulerBackend}
 * entry that declares its type.
 */
public interface Scheduler {

	/** The name stored in each job record, e.g. {@code local} or {@code slurm}. */
	String name();

	/**
	 * Tells whether this backend can run an app launched this way.
	 * @param launch how the app is started (native command, container image...)
	 * @return why it cannot, in words for the user, or empty when it can
	 */
	Optional<String> refusal(AppLaunch launch);

	/**
	 * Starts (or queues) a job.
	 * @param launch what to run; never null
	 * @return the backend's handle, to be stored with the job; never null
	 * @throws SchedulerRejectedException if the backend refuses this job for good
	 * @throws SchedulerException if the backend could not be reached (worth retrying)
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

	/**
	 * The id users see for a submitted job (the {@code pid} field of its status): a
	 * process id, a Slurm job id...
	 * @param ref the handle
	 * @return the id
	 */
	default String processId(SchedulerRef ref) {
		return ref.value();
	}

	/**
	 * The cores this backend runs at once; the engine submits no more than that. A
	 * backend with its own queue (Slurm, Kubernetes) takes every job at once.
	 * @return the cores, or empty when the backend queues jobs itself
	 */
	default OptionalInt capacity() {
		return OptionalInt.empty();
	}

	/**
	 * How often the engine should poll this backend.
	 * @return the interval, or empty for the monitor's configured period
	 */
	default Optional<Duration> pollInterval() {
		return Optional.empty();
	}

	/**
	 * Sets what the backend calls when one of its executions may have changed (a process
	 * ended, a watch event arrived), so that the engine looks at once instead of at its
	 * next period. Backends that only learn by polling ignore it.
	 * @param listener the listener
	 */
	default void onChange(Runnable listener) {
	}

	/**
	 * Whether this backend runs the jobs of an app in workers it keeps from one job to
	 * the next (the local queue's pre-started JVMs), so that the code compiled for one
	 * job serves the next ones.
	 * @param launch how the app runs
	 * @return true for such an app; false by default
	 */
	default boolean reusesWorkers(AppLaunch launch) {
		return false;
	}

	/**
	 * Whether the workers this backend keeps are still starting or warming up: a job sent
	 * now would interrupt their warm-up or start in a cold one.
	 * @return true while none is ready; false by default
	 */
	default boolean workersWarmingUp() {
		return false;
	}

}
