package io.caesarrest.scheduler.local;

import io.caesarrest.scheduler.SchedulerBackend;

/**
 * Declares the local backend, {@code caesar.scheduler.type=local}.
 */
public class LocalSchedulerBackend implements SchedulerBackend {

	/** The type name of the local backend. */
	public static final String TYPE = "local";

	@Override
	public String type() {
		return TYPE;
	}

}
