package io.caesarrest.scheduler.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Kubernetes backend. The cluster itself comes from the in-cluster
 * service account or from {@code KUBECONFIG} (or {@code ~/.kube/config}).
 *
 * @param namespace the namespace jobs run in; null for the one of the in-cluster service
 * account or of the kubeconfig's current context
 * @param dataClaim the ReadWriteMany PVC holding the service's data dir, mounted
 * read-only at the owner's data dir (sub-path: the owner's directory)
 * @param jobsClaim the ReadWriteMany PVC holding the service's job dir, mounted at the
 * job's dir (sub-path: the job's directory)
 * @param labels extra labels put on every Job and pod
 * @param imagePullPolicy the containers' image pull policy
 * @param imagePullSecrets names of the secrets to pull images with
 * @param serviceAccount the service account jobs run as, or null for the namespace's
 * default (its token is never mounted)
 * @param nodeSelector node labels the jobs' pods must match
 * @param tolerations taints the jobs' pods tolerate
 * @param runAsUser the non-root user id the jobs run as
 * @param runAsGroup the group id the jobs run as
 * @param fsGroup the group that owns the mounted volumes
 * @param ttlAfterFinished how long a finished Job stays in the cluster
 * @param pendingTimeout how long a pod may wait unschedulable or without its image before
 * its job ends FAILURE
 * @param nativeImage an image holding the commands of native apps (sfinder,
 * sextractor...); null to refuse native apps
 * @param nativeJavaCommand what {@code {java-main:<class>}} of a native command becomes
 * in that image, {@code {main}} standing for the class
 * @param gpuResource the extended resource name of a GPU
 * @param apps per-app overrides, by app name
 * @param checkAtStart whether the service checks at start that the cluster answers, and
 * refuses to start otherwise
 * @param requestTimeout timeout of each API server request
 * @param pollInterval how often the engine reads the states from the watch's cache (ends
 * are signalled by the watch at once; this catches pods stuck before starting)
 */
@Validated
@ConfigurationProperties("caesar.scheduler.kubernetes")
public record KubernetesSchedulerProperties(@Nullable String namespace,
		@DefaultValue("caesar-data") @NotBlank String dataClaim,
		@DefaultValue("caesar-jobs") @NotBlank String jobsClaim, @DefaultValue Map<String, String> labels,
		@DefaultValue("IfNotPresent") @NotBlank String imagePullPolicy, @DefaultValue List<String> imagePullSecrets,
		@Nullable String serviceAccount, @DefaultValue Map<String, String> nodeSelector,
		@DefaultValue List<@Valid Toleration> tolerations, @DefaultValue("1000") @Min(1) long runAsUser,
		@DefaultValue("1000") @Min(1) long runAsGroup, @DefaultValue("1000") @Min(0) long fsGroup,
		@DefaultValue("10m") @NotNull Duration ttlAfterFinished, @DefaultValue("10m") @NotNull Duration pendingTimeout,
		@Nullable String nativeImage, @DefaultValue( {
				"java", "-Djava.awt.headless=true", "-XX:MaxRAMPercentage=50", "-Dloader.main={main}", "-cp",
				"/opt/caesar-rest/caesar-rest.jar",
				"org.springframework.boot.loader.launch.PropertiesLauncher" }) List<String> nativeJavaCommand,
		@DefaultValue("nvidia.com/gpu") @NotBlank String gpuResource,
		@DefaultValue Map<String, @Valid AppOverride> apps, @DefaultValue("true") boolean checkAtStart,
		@DefaultValue("10s") @NotNull Duration requestTimeout, @DefaultValue("5s") @NotNull Duration pollInterval){

	/**
	 * The override of one app.
	 *
	 * @param image the image to run instead of the descriptor's
	 * @param command the container's command, replacing the image's entrypoint; the app's
	 * arguments then follow as the container's args (empty: the entrypoint reads
	 * {@code JOB_OPTIONS})
	 * @param cpu the CPU request and limit instead of the app's cores, e.g. {@code 500m}
	 * @param memory the memory request and limit instead of the app's, e.g. {@code 16Gi}
	 * @param gpu the GPUs instead of the app's
	 * @param nodeSelector node labels added to the global ones
	 */
	public record AppOverride(@Nullable String image, @DefaultValue List<String> command, @Nullable String cpu,
			@Nullable String memory, @Nullable Integer gpu, @DefaultValue Map<String, String> nodeSelector) {

	}

	/**
	 * A toleration of the jobs' pods.
	 *
	 * @param key the taint key, null for all
	 * @param operator {@code Equal} or {@code Exists}
	 * @param value the taint value
	 * @param effect {@code NoSchedule}, {@code PreferNoSchedule}, {@code NoExecute}, null
	 * for all
	 */
	public record Toleration(@Nullable String key, @DefaultValue("Equal") String operator, @Nullable String value,
			@Nullable String effect) {

	}

}
