package io.caesarrest.scheduler.kubernetes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.app.AppResources;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.kubernetes.KubernetesSchedulerProperties.AppOverride;
import io.caesarrest.storage.StorageLayout;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Turns a launch into a batch/v1 Job: the app's image with the environment contract of
 * the original images, the job's and the owner's directories as volumes, resources,
 * labels and a name derived from the job id.
 */
final class KubernetesJobSpecs {

	/** The label that marks every Job of this service (the informer's selector). */
	static final String MANAGED_BY = "app.kubernetes.io/managed-by";

	/** The value of {@link #MANAGED_BY}. */
	static final String MANAGER = "caesar-rest";

	static final String JOB_ID = "caesar-rest/job-id";

	static final String OWNER_HASH = "caesar-rest/owner-hash";

	static final String APP = "caesar-rest/app";

	static final String JOB_DIR = "caesar-rest/job-dir";

	static final String OWNER = "caesar-rest/owner";

	static final String LOG_FILE = "caesar-rest/log-file";

	static final String CONTAINER = "job";

	private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

	private static final String JAVA_MAIN = "{java-main:";

	private final KubernetesSchedulerProperties properties;

	private final StorageLayout layout;

	private final AppCatalog apps;

	private final KubernetesVolumes volumes;

	KubernetesJobSpecs(KubernetesSchedulerProperties properties, StorageLayout layout, AppCatalog apps) {
		this.properties = properties;
		this.layout = layout;
		this.apps = apps;
		this.volumes = new KubernetesVolumes(properties, layout);
	}

	/**
	 * The Job's name: the same for every submit of a job, so a repeated submit finds it.
	 */
	static String name(String jobId) {
		String id = jobId.toLowerCase(Locale.ROOT);
		return "caesar-" + ((NAME.matcher(id).matches() && id.length() <= 40) ? id : hash(jobId).substring(0, 32));
	}

	/** The image a launch runs in: the app's override, its own, else the native image. */
	static @Nullable String imageOf(JobLaunch launch, KubernetesSchedulerProperties properties) {
		AppOverride override = properties.apps().get(launch.app());
		if (override != null && override.image() != null) {
			return override.image();
		}
		return (launch.image() != null) ? launch.image() : properties.nativeImage();
	}

	/**
	 * The Job of a launch.
	 * @param launch the launch
	 * @return the Job, not yet created
	 * @throws IllegalArgumentException if the launch cannot run here
	 */
	Job job(JobLaunch launch) {
		String image = imageOf(launch, this.properties);
		if (image == null) {
			throw new IllegalArgumentException("app " + launch.app() + " has no image and no native image is set"
					+ " (caesar.scheduler.kubernetes.native-image)");
		}
		Path jobDir = launch.jobDir().toAbsolutePath().normalize();
		Map<String, String> labels = labels(launch);
		return new JobBuilder().withNewMetadata()
			.withName(name(launch.jobId()))
			.withLabels(labels)
			.addToAnnotations(JOB_DIR, jobDir.toString())
			.addToAnnotations(OWNER, launch.owner())
			.addToAnnotations(LOG_FILE, launch.logFileName())
			.endMetadata()
			.withNewSpec()
			.withBackoffLimit(0)
			.withActiveDeadlineSeconds(deadlineSeconds(launch.maxRunTime()))
			.withTtlSecondsAfterFinished((int) this.properties.ttlAfterFinished().toSeconds())
			.withNewTemplate()
			.withNewMetadata()
			.withLabels(labels)
			.endMetadata()
			.withSpec(podSpec(launch, container(launch, image, jobDir)))
			.endTemplate()
			.endSpec()
			.build();
	}

	private PodSpec podSpec(JobLaunch launch, Container container) {
		Map<String, String> nodeSelector = new LinkedHashMap<>(this.properties.nodeSelector());
		AppOverride override = this.properties.apps().get(launch.app());
		if (override != null) {
			nodeSelector.putAll(override.nodeSelector());
		}
		return new PodSpecBuilder().withRestartPolicy("Never")
			.withServiceAccountName(this.properties.serviceAccount())
			.withAutomountServiceAccountToken(false)
			.withEnableServiceLinks(false)
			.withNodeSelector(nodeSelector.isEmpty() ? null : nodeSelector)
			.withTolerations(this.volumes.tolerations())
			.withImagePullSecrets(this.volumes.pullSecrets())
			.withNewSecurityContext()
			.withRunAsNonRoot(true)
			.withRunAsUser(this.properties.runAsUser())
			.withRunAsGroup(this.properties.runAsGroup())
			.withFsGroup(this.properties.fsGroup())
			.withNewSeccompProfile()
			.withType("RuntimeDefault")
			.endSeccompProfile()
			.endSecurityContext()
			.withVolumes(this.volumes.volumes())
			.withContainers(container)
			.build();
	}

	private Container container(JobLaunch launch, String image, Path jobDir) {
		AppOverride override = this.properties.apps().get(launch.app());
		ContainerBuilder container = new ContainerBuilder().withName(CONTAINER)
			.withImage(image)
			.withImagePullPolicy(this.properties.imagePullPolicy())
			.withWorkingDir(jobDir.toString())
			.withEnv(environment(launch, jobDir))
			.withResources(resources(launch, override))
			.withVolumeMounts(this.volumes.mounts(launch.owner(), jobDir))
			.withNewSecurityContext()
			.withAllowPrivilegeEscalation(false)
			.withNewCapabilities()
			.addToDrop("ALL")
			.endCapabilities()
			.endSecurityContext();
		if (launch.image() == null) {
			// a native app: its command line, as a list, in the native image
			container.withCommand(nativeCommand(launch.argv()));
		}
		else if (override != null && !override.command().isEmpty()) {
			container.withCommand(override.command()).withArgs(launch.argv());
		}
		return container.build();
	}

	// the contract of the original images: their entrypoint reads these
	private List<EnvVar> environment(JobLaunch launch, Path jobDir) {
		Map<String, String> environment = new LinkedHashMap<>(launch.environment());
		environment.put("JOB_OPTIONS", String.join(" ", launch.argv()));
		environment.put("JOB_DIR", jobDir.toString());
		environment.put("JOB_OUTDIR", jobDir.toString());
		environment.put("CHANGE_RUNUSER", "0");
		environment.put("CAESAR_JOB_ID", launch.jobId());
		List<EnvVar> variables = new ArrayList<>();
		environment.forEach((name, value) -> variables.add(new EnvVar(name, value, null)));
		return variables;
	}

	private ResourceRequirements resources(JobLaunch launch, @Nullable AppOverride override) {
		AppResources hints = this.apps.find(launch.app()).map((app) -> app.resources()).orElse(AppResources.DEFAULT);
		String cpu = (override != null && override.cpu() != null) ? override.cpu()
				: Integer.toString(Math.max(1, launch.cores()) * Math.max(1, launch.procs()));
		String memory = (override != null && override.memory() != null) ? override.memory() : hints.memory();
		int gpu = (override != null && override.gpu() != null) ? override.gpu() : hints.gpu();
		Map<String, Quantity> amounts = new LinkedHashMap<>();
		amounts.put("cpu", new Quantity(cpu));
		amounts.put("memory", new Quantity(memory));
		if (gpu > 0) {
			amounts.put(this.properties.gpuResource(), new Quantity(Integer.toString(gpu)));
		}
		return new ResourceRequirementsBuilder().withRequests(amounts).withLimits(amounts).build();
	}

	private List<String> nativeCommand(List<String> argv) {
		List<String> command = new ArrayList<>();
		for (String arg : argv) {
			if (arg.startsWith(JAVA_MAIN) && arg.endsWith("}")) {
				String main = arg.substring(JAVA_MAIN.length(), arg.length() - 1);
				this.properties.nativeJavaCommand().forEach((part) -> command.add(part.replace("{main}", main)));
			}
			else {
				command.add(arg);
			}
		}
		return command;
	}

	private Map<String, String> labels(JobLaunch launch) {
		Map<String, String> labels = new LinkedHashMap<>(this.properties.labels());
		labels.put(MANAGED_BY, MANAGER);
		labels.put(JOB_ID, jobIdLabel(launch.jobId()));
		labels.put(OWNER_HASH, hash(launch.owner()).substring(0, 32));
		labels.put(APP, labelValue(launch.app()));
		return labels;
	}

	/** The value of the job id label of a job. */
	static String jobIdLabel(String jobId) {
		return (jobId.length() <= 63 && labelValue(jobId).equals(jobId)) ? jobId : hash(jobId).substring(0, 32);
	}

	private static @Nullable Long deadlineSeconds(@Nullable Duration maxRunTime) {
		if (maxRunTime == null || maxRunTime.isZero() || maxRunTime.isNegative()) {
			return null;
		}
		return Math.max(1, (maxRunTime.toMillis() + 999) / 1000);
	}

	private static String labelValue(String value) {
		String cleaned = value.replaceAll("[^A-Za-z0-9_.-]", "_");
		cleaned = cleaned.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
		return (cleaned.length() > 63) ? cleaned.substring(0, 63) : cleaned;
	}

	static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
