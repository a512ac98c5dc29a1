package io.caesarrest.scheduler;

/**
 * Thrown when a backend refuses a job for good (invalid request, unknown partition...),
 * as opposed to being unreachable, which is worth retrying.
 */
public class SchedulerRejectedException extends SchedulerException {

	public SchedulerRejectedException(String message) {
		super(message);
	}

	public SchedulerRejectedException(String message, Throwable cause) {
		super(message, cause);
	}

}
