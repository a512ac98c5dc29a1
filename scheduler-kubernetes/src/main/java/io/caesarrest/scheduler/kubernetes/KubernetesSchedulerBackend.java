package io.caesarrest.scheduler.kubernetes;

import io.caesarrest.scheduler.SchedulerBackend;

/**
 * Declares the Kubernetes backend, {@code caesar.scheduler.type=kubernetes}.
 */
public class KubernetesSchedulerBackend implements SchedulerBackend {

	/** The type name of the Kubernetes backend. */
	public static final String TYPE = "kubernetes";

	@Override
	public String type() {
		return TYPE;
	}

}
