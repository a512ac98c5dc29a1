package io.caesarrest.scheduler.kubernetes;

/**
 * Thrown at start-up when the Kubernetes API server does not let the service list its
 * Jobs (unreachable, unknown host, no rights).
 */
public class KubernetesUnreachableException extends IllegalStateException {

	public KubernetesUnreachableException(String message, Throwable cause) {
		super(message, cause);
	}

}
