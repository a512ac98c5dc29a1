package io.caesarrest.scheduler;

/**
 * A backend's opaque handle of a submitted job.
 *
 * @param value the handle as stored in the job record
 */
public record SchedulerRef(String value) {

	public SchedulerRef {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Empty scheduler reference");
		}
	}

}
