package io.caesarrest.scheduler.kubernetes;

import java.util.function.Supplier;

import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRejectedException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Sorts the API server's errors: a request the cluster refuses for good, or an outage
 * (unreachable, 5xx, throttled, not allowed yet) that must not fail any job.
 */
final class KubernetesErrors {

	private KubernetesErrors() {
	}

	/** Whether the cluster refused the request for good (invalid, too large...). */
	static boolean isRejection(KubernetesClientException ex) {
		int code = ex.getCode();
		return code == 400 || code == 413 || code == 422;
	}

	static SchedulerException onSubmit(String jobId, KubernetesClientException ex) {
		if (isRejection(ex)) {
			return new SchedulerRejectedException(
					"Kubernetes refused job " + jobId + " (HTTP " + ex.getCode() + "): " + ex.getMessage(), ex);
		}
		return unreachable("create the Job of job " + jobId, ex);
	}

	static SchedulerException unreachable(String what, KubernetesClientException ex) {
		return new SchedulerException("Kubernetes API server: cannot " + what
				+ ((ex.getCode() > 0) ? " (HTTP " + ex.getCode() + ")" : "") + ": " + ex.getMessage(), ex);
	}

	/**
	 * The deepest cause's words: the unknown host, the refused connection; or the HTTP
	 * status.
	 */
	static String reason(KubernetesClientException ex) {
		if (ex.getCode() > 0) {
			return "HTTP " + ex.getCode() + ": " + ex.getMessage();
		}
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/** Runs one API call, turning its failure into a {@link SchedulerException}. */
	static <T> T call(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (KubernetesClientException ex) {
			throw unreachable(what, ex);
		}
	}

}
