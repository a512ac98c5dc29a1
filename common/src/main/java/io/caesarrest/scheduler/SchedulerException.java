package io.caesarrest.scheduler;

/**
 * Thrown when a backend refuses a request or cannot be reached.
 */
public class SchedulerException extends RuntimeException {

	public SchedulerException(String message) {
		super(message);
	}

	public SchedulerException(String message, Throwable cause) {
		super(message, cause);
	}

}
