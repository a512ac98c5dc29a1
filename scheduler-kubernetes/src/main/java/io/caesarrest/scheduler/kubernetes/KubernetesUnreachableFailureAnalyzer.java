package io.caesarrest.scheduler.kubernetes;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a cluster that cannot be reached at start into one clear message instead of a
 * stack trace.
 */
class KubernetesUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<KubernetesUnreachableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KubernetesUnreachableException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Run the service in the cluster with a service account allowed to list, watch, create and delete"
						+ " Jobs (deploy/kubernetes), or set KUBECONFIG; set"
						+ " caesar.scheduler.kubernetes.namespace if needed, or"
						+ " caesar.scheduler.kubernetes.check-at-start=false to start anyway (the monitor's health"
						+ " is then DOWN while the cluster cannot be reached)",
				cause);
	}

}
