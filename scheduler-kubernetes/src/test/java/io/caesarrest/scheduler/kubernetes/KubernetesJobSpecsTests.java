package io.caesarrest.scheduler.kubernetes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.caesarrest.app.App;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.app.JobOptionsValidator;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.storage.StorageLayout;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Job built for each kind of app.
 */
class KubernetesJobSpecsTests {

	private static final AppCatalog apps = new AppCatalog(null);

	private static final String JOB_ID = "0123456789abcdef0123456789abcdef";

	private final StorageLayout layout = MockCluster.layout(Path.of("/srv/caesar"));

	private final Path input = Path.of("/srv/caesar/data/alice_40example_2eorg/5f2b.fits");

	private Job job(String app, String json, String... properties) {
		App descriptor = apps.find(app).orElseThrow();
		List<String> argv = descriptor.commandLine(
				new JobOptionsValidator().validate(descriptor, JsonMapper.builder().build().readTree(json)), this.input,
				JOB_ID);
		boolean container = !descriptor.launch().isNative();
		JobLaunch launch = new JobLaunch(JOB_ID, "alice@example.org", app, argv,
				container ? descriptor.launch().image() : null, null, Map.of(),
				this.layout.jobDir("alice@example.org", JOB_ID), 2, 1, Duration.ofHours(2));
		return new KubernetesJobSpecs(MockCluster.properties(properties), this.layout, apps).job(launch);
	}

	private static Container container(Job job) {
		return job.getSpec().getTemplate().getSpec().getContainers().get(0);
	}

	private static Map<String, String> env(Job job) {
		return container(job).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
	}

	@Test
	void runsCaesarImageWithTheOriginalEnvironmentContract() {
		Job job = job("caesar", "{\"seedthr\":5}");
		assertThat(job.getMetadata().getName()).isEqualTo("caesar-" + JOB_ID);
		assertThat(container(job).getImage()).isEqualTo("sriggi/caesar-job:latest");
		assertThat(container(job).getCommand()).isEmpty();
		assertThat(container(job).getArgs()).isEmpty();
		Map<String, String> env = env(job);
		assertThat(env.get("JOB_OPTIONS")).startsWith("--run --save-summaryplot --save-regions --save-catalog-to-json")
			.contains("--seedthr=5")
			.endsWith("--inputfile=" + this.input);
		String jobDir = "/srv/caesar/jobs/alice_40example_2eorg/job_" + JOB_ID;
		assertThat(env).containsEntry("JOB_DIR", jobDir)
			.containsEntry("JOB_OUTDIR", jobDir)
			.containsEntry("CHANGE_RUNUSER", "0");
		assertThat(container(job).getWorkingDir()).isEqualTo(jobDir);
	}

	@Test
	void setsLimitsLabelsAndANonRootPod() {
		Job job = job("caesar", "{}");
		assertThat(job.getSpec().getBackoffLimit()).isZero();
		assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(7200);
		assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(600);
		assertThat(job.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "caesar-rest")
			.containsEntry("caesar-rest/job-id", JOB_ID)
			.containsEntry("caesar-rest/app", "caesar")
			.containsEntry("caesar-rest/owner-hash", KubernetesJobSpecs.hash("alice@example.org").substring(0, 32));
		assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(job.getMetadata().getLabels());
		PodSpec pod = job.getSpec().getTemplate().getSpec();
		assertThat(pod.getRestartPolicy()).isEqualTo("Never");
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(1000);
		assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(pod.getSecurityContext().getSeccompProfile().getLocalhostProfile()).isNull();
		assertThat(container(job).getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container(job).getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container(job).getResources().getRequests()).containsEntry("cpu", new Quantity("2"))
			.containsEntry("memory", new Quantity("4Gi"));
		assertThat(container(job).getResources().getLimits()).isEqualTo(container(job).getResources().getRequests());
	}

	@Test
	void mountsOnlyTheJobDirAndTheOwnersDataReadOnly() {
		Job job = job("aegean", "{}", "data-claim=data-pvc", "jobs-claim=jobs-pvc");
		PodSpec pod = job.getSpec().getTemplate().getSpec();
		assertThat(pod.getVolumes()).anySatisfy((volume) -> {
			assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo("data-pvc");
			assertThat(volume.getPersistentVolumeClaim().getReadOnly()).isTrue();
		});
		Map<String, VolumeMount> mounts = container(job).getVolumeMounts()
			.stream()
			.collect(Collectors.toMap(VolumeMount::getName, (mount) -> mount));
		assertThat(mounts.get("jobs").getSubPath()).isEqualTo("alice_40example_2eorg/job_" + JOB_ID);
		assertThat(mounts.get("jobs").getMountPath()).isEqualTo("/srv/caesar/jobs/alice_40example_2eorg/job_" + JOB_ID);
		assertThat(mounts.get("data").getSubPath()).isEqualTo("alice_40example_2eorg");
		assertThat(mounts.get("data").getMountPath()).isEqualTo("/srv/caesar/data/alice_40example_2eorg");
		assertThat(mounts.get("data").getReadOnly()).isTrue();
		assertThat(container(job).getImage()).isEqualTo("sriggi/aegean-job:latest");
	}

	@Test
	void runsMrcnnWithItsWeightsAndMemory() {
		Job job = job("mrcnn", "{\"scoreThr\":0.5}");
		assertThat(container(job).getImage()).isEqualTo("sriggi/mrcnn-detect:latest");
		assertThat(env(job).get("JOB_OPTIONS")).startsWith(
				"--runmode=detect --weights=/opt/Software/MaskR-CNN/install/share/mrcnn_weights.h5 --scoreThr=0.5");
		assertThat(container(job).getResources().getLimits()).containsEntry("memory", new Quantity("8Gi"));
	}

	@Test
	void runsSfinderAsAListInTheNativeImage() {
		Job job = job("sfinder", "{}", "native-image=registry.example/caesar-rest:1");
		assertThat(container(job).getImage()).isEqualTo("registry.example/caesar-rest:1");
		assertThat(container(job).getCommand()).startsWith("java")
			.contains("-Dloader.main=io.caesarrest.finder.cli.SourceFinderCommand", "find", "--id=" + JOB_ID)
			.endsWith("--inputfile=" + this.input);
		assertThat(container(job).getArgs()).isEmpty();
	}

	@Test
	void refusesANativeAppWithoutNativeImage() {
		assertThatIllegalArgumentException().isThrownBy(() -> job("sfinder", "{}"))
			.withMessageContaining("caesar.scheduler.kubernetes.native-image");
	}

	@Test
	void appliesPerAppOverridesAndPlacement() {
		Job job = job("caesar", "{}", "apps.caesar.image=mirror.example/caesar:2", "apps.caesar.command[0]=run.sh",
				"apps.caesar.memory=16Gi", "apps.caesar.gpu=1", "image-pull-secrets[0]=regcred",
				"node-selector.pool=astro", "tolerations[0].key=gpu", "tolerations[0].operator=Exists",
				"service-account=caesar-job", "labels.team=radio");
		PodSpec pod = job.getSpec().getTemplate().getSpec();
		assertThat(container(job).getImage()).isEqualTo("mirror.example/caesar:2");
		assertThat(container(job).getCommand()).containsExactly("run.sh");
		assertThat(container(job).getArgs()).startsWith("--run", "--save-summaryplot")
			.endsWith("--inputfile=" + this.input);
		assertThat(container(job).getResources().getLimits()).containsEntry("memory", new Quantity("16Gi"))
			.containsEntry("nvidia.com/gpu", new Quantity("1"));
		assertThat(pod.getImagePullSecrets()).singleElement()
			.satisfies((s) -> assertThat(s.getName()).isEqualTo("regcred"));
		assertThat(pod.getNodeSelector()).containsEntry("pool", "astro");
		assertThat(pod.getTolerations()).singleElement().satisfies((t) -> {
			assertThat(t.getKey()).isEqualTo("gpu");
			assertThat(t.getOperator()).isEqualTo("Exists");
		});
		assertThat(pod.getServiceAccountName()).isEqualTo("caesar-job");
		assertThat(job.getMetadata().getLabels()).containsEntry("team", "radio");
	}

	@Test
	void namesTheJobFromItsIdAlone() {
		assertThat(KubernetesJobSpecs.name(JOB_ID)).isEqualTo(KubernetesJobSpecs.name(JOB_ID))
			.isEqualTo("caesar-" + JOB_ID);
		assertThat(KubernetesJobSpecs.name("Not_A-DNS.name")).matches("caesar-[0-9a-f]{32}");
	}

}
