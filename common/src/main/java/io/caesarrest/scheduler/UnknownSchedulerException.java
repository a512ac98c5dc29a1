package io.caesarrest.scheduler;

import java.util.Collection;

/**
 * Thrown at start-up when {@code caesar.scheduler.type} names no backend this application
 * carries.
 */
public class UnknownSchedulerException extends RuntimeException {

	private final String type;

	private final Collection<String> available;

	public UnknownSchedulerException(String type, Collection<String> available) {
		super("caesar.scheduler.type=" + type + ": no such scheduler; available: " + String.join(", ", available));
		this.type = type;
		this.available = available;
	}

	/** The configured type. */
	public String type() {
		return this.type;
	}

	/** The types this application carries. */
	public Collection<String> available() {
		return this.available;
	}

}
