package io.caesarrest.job;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of jobs submitted and finished (by app and state) and of uploaded bytes.
 */
public class JobMetrics {

	private final MeterRegistry registry;

	public JobMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void submitted(String app) {
		this.registry.counter("caesar.jobs.submitted", "app", app).increment();
	}

	public void finished(String app, JobState state) {
		this.registry.counter("caesar.jobs.finished", "app", app, "state", state.label()).increment();
	}

	public void uploaded(long bytes) {
		this.registry.counter("caesar.upload.bytes").increment(bytes);
		this.registry.counter("caesar.upload.files").increment();
	}

}
