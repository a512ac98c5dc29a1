package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.caesarrest.dataset.InputPaths;
import io.caesarrest.docker.TestImages;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.SchedulerRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler contract with every job in a container of its own, on the local Docker
 * daemon (skipped where there is none), plus what only containers do: the original
 * images' environment, the mounts, resource limits, removal after the end, an image that
 * cannot be pulled, and re-adoption of a container whose client died.
 */
@EnabledIf(value = "io.caesarrest.docker.TestImages#baseImageAvailable",
		disabledReason = "no Docker daemon, or no base image (BASE_IMAGE, default local/debian:bookworm, "
				+ "which deploy/docker/build-base-image.sh makes)")
class ContainerSchedulerContractTests extends LocalBackendContractTests {

	private static String probeImage;

	@BeforeAll
	static void buildImage() throws Exception {
		TestImages.assumeDockerWithBaseImage();
		probeImage = TestImages.build("caesar-rest/test-probe-job:latest",
				Path.of(ContainerSchedulerContractTests.class.getResource("/probe-image/Dockerfile").toURI())
					.getParent());
	}

	@Override
	protected LocalScheduler newScheduler() {
		return new LocalScheduler(2, Duration.ofMillis(250), Duration.ofSeconds(2), Clock.systemUTC(),
				new LocalSchedulerProperties.Containers("docker", null, null, "none", "never", true, List.of()), null,
				0);
	}

	@Override
	protected Duration endTimeout() {
		return Duration.ofSeconds(60);
	}

	@Override
	protected JobLaunch launch(Path jobDir, Duration maxRunTime, String... argv) {
		return launch(jobDir, probeImage, maxRunTime, List.of(), argv);
	}

	private JobLaunch launch(Path jobDir, String image, Duration maxRunTime, List<Path> inputs, String... argv) {
		return new JobLaunch(jobDir.getFileName().toString().substring(4), "tester", "test", List.of(argv), image, null,
				Map.of(), jobDir, 1, 1, maxRunTime, 256L * 1024 * 1024, inputs);
	}

	@Test
	void givesTheOriginalImagesEnvironmentAndRunsAsTheServiceUser() throws IOException {
		Path jobDir = newJobDir();
		SchedulerRef ref = this.scheduler.submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c",
				"env > env.txt; id -u > uid.txt; touch owned.txt"));
		assertThat(awaitEnd(ref).state()).isEqualTo(JobState.SUCCESS);
		String env = Files.readString(jobDir.resolve("env.txt"));
		assertThat(env).contains("JOB_OPTIONS=/bin/sh -c env > env.txt; id -u > uid.txt; touch owned.txt")
			.contains("JOB_DIR=" + jobDir)
			.contains("JOB_OUTDIR=" + jobDir)
			.contains("CHANGE_RUNUSER=0")
			.contains("JOB_ARGS_FILE=" + jobDir.resolve(".job_args"));
		assertThat(Files.readString(jobDir.resolve("uid.txt")).trim())
			.isEqualTo(Long.toString((Integer) Files.getAttribute(jobDir, "unix:uid")));
		assertThat(Files.getAttribute(jobDir.resolve("owned.txt"), "unix:uid"))
			.isEqualTo(Files.getAttribute(jobDir, "unix:uid"));
	}

	@Test
	void mountsTheInputsReadOnlyAndNothingElse() throws IOException {
		Path jobDir = newJobDir();
		Path data = Files.createDirectories(this.tempDir.resolve("data-of-tester"));
		Files.writeString(data.resolve("image.fits"), "pixels");
		Path other = Files.createDirectories(this.tempDir.resolve("data-of-someone-else"));
		Files.writeString(other.resolve("secret.fits"), "secret");
		String script = "cat \"$1\" > copy.txt; if touch \"$(dirname \"$1\")/new.txt\" 2>/dev/null; then echo writable; "
				+ "else echo read-only; fi > mode.txt; if [ -e \"$2\" ]; then echo seen; else echo unseen; fi > other.txt";
		SchedulerRef ref = this.scheduler
			.submit(launch(jobDir, probeImage, Duration.ofMinutes(5), List.of(data), "/bin/sh", "-c", script, "sh",
					data.resolve("image.fits").toString(), other.resolve("secret.fits").toString()));
		assertThat(awaitEnd(ref).state()).isEqualTo(JobState.SUCCESS);
		assertThat(Files.readString(jobDir.resolve("copy.txt"))).isEqualTo("pixels");
		assertThat(Files.readString(jobDir.resolve("mode.txt")).trim()).isEqualTo("read-only");
		assertThat(Files.readString(jobDir.resolve("other.txt")).trim()).isEqualTo("unseen");
		assertThat(data.resolve("new.txt")).doesNotExist();
	}

	@Test
	void seesADatasetsFileListAndEveryFileItNames() throws IOException {
		Path jobDir = newJobDir();
		Path cutouts = Files.createDirectories(this.tempDir.resolve("survey/cutouts"));
		Path lists = Files.createDirectories(this.tempDir.resolve("datasets"));
		Files.writeString(cutouts.resolve("a.fits"), "A");
		Files.writeString(cutouts.resolve("b.fits"), "B");
		Path list = Files.writeString(lists.resolve("set.json"),
				"{\"data\": [{\"filepaths\": [\"" + cutouts.resolve("a.fits") + "\"], \"label\": \"x\"}, "
						+ "{\"filepaths\": [\"" + cutouts.resolve("b.fits") + "\"], \"label\": \"y\"}]}");
		// reads the list and every file it names, as classifier-cnn or umap would
		String script = "for f in $(grep -o '\"/[^\"]*\"' \"$1\" | tr -d '\"'); do cat \"$f\"; done > read.txt";
		SchedulerRef ref = this.scheduler.submit(launch(jobDir, probeImage, Duration.ofMinutes(5), InputPaths.of(list),
				"/bin/sh", "-c", script, "sh", list.toString()));
		assertThat(awaitEnd(ref).state()).isEqualTo(JobState.SUCCESS);
		assertThat(Files.readString(jobDir.resolve("read.txt"))).isEqualTo("AB");
	}

	@Test
	void limitsResourcesLabelsTheContainerAndRemovesItAfterTheEnd() throws IOException {
		Path jobDir = newJobDir();
		SchedulerRef ref = this.scheduler.submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c",
				"echo started > started.txt; sleep 2; echo memory $(cat /sys/fs/cgroup/memory.max "
						+ "/sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null) > limits.txt"));
		String name = LocalRef.parse(ref).container();
		assertThat(name).isNotNull();
		await().atMost(endTimeout()).until(() -> Files.exists(jobDir.resolve("started.txt")));
		ContainerCli.Result labels = ContainerCli.call(List.of("docker", "inspect", "--format",
				"{{index .Config.Labels \"io.caesar-rest.job-id\"}} {{.HostConfig.NanoCpus}} {{.HostConfig.Memory}}",
				name));
		assertThat(labels.output().trim())
			.isEqualTo(jobDir.getFileName().toString().substring(4) + " 1000000000 " + 256L * 1024 * 1024);
		assertThat(awaitEnd(ref).state()).isEqualTo(JobState.SUCCESS);
		assertThat(Files.readString(jobDir.resolve("limits.txt"))).contains(Long.toString(256L * 1024 * 1024));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ContainerCli.call(List.of("docker", "inspect", name)).exitCode() != 0);
	}

	@Test
	void anImageThatCannotBePulledFailsTheJobWithTheReason() throws IOException {
		Path jobDir = newJobDir();
		SchedulerRef ref = this.scheduler
			.submit(launch(jobDir, "caesar-rest/no-such-image:1", Duration.ofMinutes(5), List.of(), "true"));
		Execution execution = awaitEnd(ref);
		assertThat(execution.state()).isEqualTo(JobState.FAILURE);
		assertThat(execution.exitCode()).isEqualTo(LocalScheduler.CONTAINER_NOT_STARTED_EXIT_CODE);
		assertThat(execution.message()).startsWith("Container did not start:").contains("no-such-image");
	}

	@Test
	void cancelStopsAndRemovesTheContainer() throws IOException {
		Path jobDir = newJobDir();
		SchedulerRef ref = this.scheduler
			.submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c", "echo started > started.txt; sleep 300"));
		await().atMost(endTimeout()).until(() -> Files.exists(jobDir.resolve("started.txt")));
		this.scheduler.cancel(ref);
		assertThat(awaitEnd(ref).state()).isEqualTo(JobState.CANCELED);
		String name = LocalRef.parse(ref).container();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> ContainerCli.call(List.of("docker", "inspect", name)).exitCode() != 0);
	}

	@Test
	void anotherInstanceAdoptsAContainerWhoseClientWasKilled() throws IOException {
		Path jobDir = newJobDir();
		SchedulerRef ref = this.scheduler.submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c",
				"echo started > started.txt; while [ ! -e go ]; do sleep 0.2; done; echo after-adoption; exit 5"));
		await().atMost(endTimeout()).until(() -> Files.exists(jobDir.resolve("started.txt")));
		// the service crashes and its job's client process dies with it: the container
		// runs on
		long client = LocalRef.parse(ref).pid();
		ProcessSessions.signal(client, true);
		await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(client).isEmpty());
		try (LocalScheduler restarted = newScheduler()) {
			assertThat(restarted.poll(List.of(ref)).get(ref).state()).isEqualTo(JobState.RUNNING);
			Files.writeString(jobDir.resolve("go"), "");
			Execution execution = await().atMost(endTimeout())
				.until(() -> restarted.poll(List.of(ref)).get(ref), (e) -> e != null && e.state().isTerminal());
			assertThat(execution.state()).isEqualTo(JobState.FAILURE);
			assertThat(execution.exitCode()).isEqualTo(5);
		}
		assertThat(Files.readString(jobDir.resolve("job_" + jobDir.getFileName().toString().substring(4) + ".log")))
			.contains("after-adoption");
		String name = LocalRef.parse(ref).container();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ContainerCli.call(List.of("docker", "inspect", name)).exitCode() != 0);
	}

}
