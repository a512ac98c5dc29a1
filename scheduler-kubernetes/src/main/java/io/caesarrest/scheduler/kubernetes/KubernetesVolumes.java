package io.caesarrest.scheduler.kubernetes;

import java.nio.file.Path;
import java.util.List;

import io.caesarrest.storage.StorageLayout;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * The volumes and placement of a job's pod: its own job dir from the jobs claim, the
 * owner's uploads read-only from the data claim, a scratch {@code /tmp}; pull secrets and
 * tolerations.
 */
final class KubernetesVolumes {

	static final String JOBS = "jobs";

	static final String DATA = "data";

	static final String SCRATCH = "scratch";

	private final KubernetesSchedulerProperties properties;

	private final StorageLayout layout;

	KubernetesVolumes(KubernetesSchedulerProperties properties, StorageLayout layout) {
		this.properties = properties;
		this.layout = layout;
	}

	List<Volume> volumes() {
		return List.of(
				new VolumeBuilder().withName(JOBS)
					.withNewPersistentVolumeClaim(this.properties.jobsClaim(), false)
					.build(),
				new VolumeBuilder().withName(DATA)
					.withNewPersistentVolumeClaim(this.properties.dataClaim(), true)
					.build(),
				new VolumeBuilder().withName(SCRATCH).withNewEmptyDir().endEmptyDir().build());
	}

	/**
	 * The mounts, at the paths the service itself uses, so that the paths in a job's
	 * arguments hold inside its pod.
	 * @throws IllegalArgumentException if the job dir is not under the service's job dir
	 */
	List<VolumeMount> mounts(String owner, Path jobDir) {
		if (!jobDir.startsWith(this.layout.jobdir()) || jobDir.equals(this.layout.jobdir())) {
			throw new IllegalArgumentException("job dir " + jobDir + " is not under " + this.layout.jobdir());
		}
		String jobSubPath = this.layout.jobdir().relativize(jobDir).toString();
		Path dataDir = this.layout.userDataDir(owner);
		return List.of(
				new VolumeMountBuilder().withName(JOBS)
					.withMountPath(jobDir.toString())
					.withSubPath(jobSubPath)
					.build(),
				new VolumeMountBuilder().withName(DATA)
					.withMountPath(dataDir.toString())
					.withSubPath(StorageLayout.safeName(owner))
					.withReadOnly(true)
					.build(),
				new VolumeMountBuilder().withName(SCRATCH).withMountPath("/tmp").build());
	}

	List<Toleration> tolerations() {
		return this.properties.tolerations()
			.stream()
			.map((t) -> new Toleration(t.effect(), t.key(), t.operator(), null, t.value()))
			.toList();
	}

	List<LocalObjectReference> pullSecrets() {
		return this.properties.imagePullSecrets().stream().map(LocalObjectReference::new).toList();
	}

}
