package io.caesarrest.scheduler.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the pod of a job (its exit code, why it cannot start) and saves its log into the
 * job dir.
 */
final class KubernetesPods {

	private static final Logger log = LoggerFactory.getLogger(KubernetesPods.class);

	private final KubernetesClient client;

	private final String namespace;

	KubernetesPods(KubernetesClient client, String namespace) {
		this.client = client;
		this.namespace = namespace;
	}

	/**
	 * The newest pod of a Job.
	 * @throws KubernetesClientException if the API server cannot be reached
	 */
	Optional<Pod> podOf(Job job) {
		String jobId = job.getMetadata().getLabels().get(KubernetesJobSpecs.JOB_ID);
		return this.client.pods()
			.inNamespace(this.namespace)
			.withLabel(KubernetesJobSpecs.JOB_ID, jobId)
			.list()
			.getItems()
			.stream()
			.max(Comparator.comparing((Pod pod) -> String.valueOf(pod.getMetadata().getCreationTimestamp())));
	}

	/**
	 * Writes the pod's log to the job's log file in its dir. A log that cannot be read is
	 * reported in the service's log, never failing the job.
	 */
	void saveLog(Job job, Pod pod) {
		String dir = job.getMetadata().getAnnotations().get(KubernetesJobSpecs.JOB_DIR);
		String file = job.getMetadata().getAnnotations().get(KubernetesJobSpecs.LOG_FILE);
		if (dir == null || file == null) {
			return;
		}
		try {
			String text = this.client.pods()
				.inNamespace(this.namespace)
				.withName(pod.getMetadata().getName())
				.inContainer(KubernetesJobSpecs.CONTAINER)
				.getLog();
			if (text != null && !text.isEmpty()) {
				Files.writeString(Path.of(dir).resolve(file), text, StandardCharsets.UTF_8);
			}
		}
		catch (KubernetesClientException | IOException ex) {
			log.warn("Cannot save the log of pod {} into {}: {}", pod.getMetadata().getName(), dir, ex.getMessage());
		}
	}

}
