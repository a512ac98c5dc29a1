package io.caesarrest.scheduler.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.caesarrest.app.AppLaunch;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.scheduler.SchedulerRejectedException;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.StorageLayout;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The Kubernetes backend against fabric8's mock API server in CRUD mode, with the Job and
 * pod statuses a cluster would write set by the test.
 */
class KubernetesSchedulerTests {

	@TempDir
	Path home;

	private MockCluster cluster;

	private StorageLayout layout;

	private KubernetesScheduler scheduler;

	@BeforeEach
	void start() {
		this.cluster = MockCluster.start();
		this.layout = MockCluster.layout(this.home);
		this.scheduler = this.cluster.scheduler(this.layout, MockCluster.properties());
	}

	@AfterEach
	void stop() {
		this.scheduler.close();
		this.cluster.close();
	}

	private JobLaunch launch() {
		return MockCluster.imageLaunch(this.layout);
	}

	@Test
	void createsOneJobWithTheManagedByLabelAndReportsItPending() {
		SchedulerRef ref = this.scheduler.submit(launch());
		assertThat(this.cluster.jobs()).singleElement()
			.satisfies((job) -> assertThat(job.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by",
					"caesar-rest"));
		assertThat(MockCluster.awaitState(this.scheduler, ref, JobState.PENDING).message()).contains("not yet running");
	}

	@Test
	void repeatedSubmitAfterARestartFindsTheExistingJob() {
		JobLaunch launch = launch();
		SchedulerRef first = this.scheduler.submit(launch);
		try (KubernetesScheduler restarted = this.cluster.scheduler(this.layout, MockCluster.properties())) {
			SchedulerRef second = restarted.submit(launch);
			assertThat(second).isEqualTo(first);
		}
		assertThat(this.cluster.jobs()).hasSize(1);
	}

	@Test
	void reportsRunningAndSuccessFromTheWatchAndSignalsChanges() {
		AtomicInteger changes = new AtomicInteger();
		this.scheduler.onChange(changes::incrementAndGet);
		SchedulerRef ref = this.scheduler.submit(launch());
		JobStatus running = new JobStatus();
		running.setActive(1);
		running.setReady(1);
		running.setStartTime("2026-11-29T10:00:00Z");
		this.cluster.jobStatus(ref, running);
		assertThat(MockCluster.awaitState(this.scheduler, ref, JobState.RUNNING).start())
			.isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
		JobStatus complete = new JobStatus();
		complete.setSucceeded(1);
		complete.setCompletionTime("2026-11-29T10:01:00Z");
		complete.setConditions(List.of(new JobConditionBuilder().withType("Complete").withStatus("True").build()));
		int before = changes.get();
		this.cluster.jobStatus(ref, complete);
		Execution execution = MockCluster.awaitState(this.scheduler, ref, JobState.SUCCESS);
		assertThat(execution.exitCode()).isZero();
		assertThat(execution.end()).isEqualTo(Instant.parse("2026-11-29T10:01:00Z"));
		// the watch's event wakes the engine: no need to wait for its next period
		await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() > before);
	}

	@Test
	void reportsAJobDeletedBehindItsBackAsFailure() {
		SchedulerRef ref = this.scheduler.submit(launch());
		MockCluster.awaitState(this.scheduler, ref, JobState.PENDING);
		this.cluster.client.batch().v1().jobs().inNamespace(MockCluster.NAMESPACE).withName(ref.value()).delete();
		assertThat(MockCluster.awaitState(this.scheduler, ref, JobState.FAILURE).message())
			.contains("deleted before it ended");
	}

	@Test
	void cancelsAJobBeforeItStartsSoItNeverRunsAndCancelIsIdempotent() {
		SchedulerRef ref = this.scheduler.submit(launch());
		this.scheduler.cancel(ref);
		assertThat(this.cluster.jobs()).isEmpty();
		assertThat(this.scheduler.poll(List.of(ref)).get(ref).state()).isEqualTo(JobState.CANCELED);
		this.scheduler.cancel(ref);
		assertThat(this.scheduler.poll(List.of(ref)).get(ref).exitCode()).isEqualTo(-1);
	}

	@Test
	void refusesNativeAppsOnlyWithoutNativeImage() {
		AppLaunch nativeApp = new AppLaunch(null, null, null, List.of("sfinder"), null);
		AppLaunch imageApp = new AppLaunch("sriggi/caesar-job:latest", null, null, null, null);
		assertThat(this.scheduler.refusal(nativeApp)).get(InstanceOfAssertFactories.STRING).contains("native-image");
		assertThat(this.scheduler.refusal(imageApp)).isEmpty();
		try (KubernetesScheduler withImage = this.cluster.scheduler(this.layout,
				MockCluster.properties("native-image=caesar-rest:1"))) {
			assertThat(withImage.refusal(nativeApp)).isEmpty();
		}
	}

	@Test
	void turnsServerErrorsIntoRetriesAndInvalidJobsIntoRejections() {
		this.cluster.server.expect()
			.post()
			.withPath("/apis/batch/v1/namespaces/caesar/jobs")
			.andReturn(503, "{}")
			.once();
		assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> this.scheduler.submit(launch()))
			.isNotInstanceOf(SchedulerRejectedException.class);
		this.cluster.server.expect()
			.post()
			.withPath("/apis/batch/v1/namespaces/caesar/jobs")
			.andReturn(422, "{}")
			.once();
		assertThatExceptionOfType(SchedulerRejectedException.class).isThrownBy(() -> this.scheduler.submit(launch()));
	}

	@Test
	void keepsStatesThroughAnOutageByThrowingInsteadOfReportingThenCatchesUp() {
		SchedulerRef ref = this.scheduler.submit(launch());
		MockCluster.awaitState(this.scheduler, ref, JobState.PENDING);
		int port = this.cluster.server.getPort();
		Job job = this.cluster.client.batch()
			.v1()
			.jobs()
			.inNamespace(MockCluster.NAMESPACE)
			.withName(ref.value())
			.get();
		this.cluster.server.shutdown();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThatExceptionOfType(SchedulerException.class)
				.isThrownBy(() -> this.scheduler.poll(List.of(ref))));
		assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> this.scheduler.submit(launch()))
			.isNotInstanceOf(SchedulerRejectedException.class);
		assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> this.scheduler.cancel(ref));
		// the API server is back (same address) and the Job ended meanwhile
		try (MockCluster back = MockCluster.start(port)) {
			job.getMetadata().setResourceVersion(null);
			JobStatus complete = new JobStatus();
			complete.setSucceeded(1);
			complete.setConditions(List.of(new JobConditionBuilder().withType("Complete").withStatus("True").build()));
			job.setStatus(complete);
			back.client.batch().v1().jobs().inNamespace(MockCluster.NAMESPACE).resource(job).create();
			back.client.batch().v1().jobs().inNamespace(MockCluster.NAMESPACE).resource(job).updateStatus();
			assertThat(MockCluster.awaitState(this.scheduler, ref, JobState.SUCCESS).exitCode()).isZero();
		}
	}

	@Test
	void savesThePodLogIntoTheJobDir() throws Exception {
		try (FakeKubelet kubelet = new FakeKubelet(this.cluster);
				KubernetesScheduler withImage = this.cluster.scheduler(this.layout,
						MockCluster.properties("native-image=caesar-rest:1"))) {
			String id = Ids.newId();
			Path jobDir = this.layout.jobDir("bob", id);
			SchedulerRef ref = withImage.submit(JobLaunch.nativeCommand(id, "bob", "sfinder",
					List.of("/bin/sh", "-c", "echo hello from the pod"), jobDir, 1, Duration.ofMinutes(1)));
			MockCluster.awaitState(withImage, ref, JobState.SUCCESS);
			assertThat(Files.readString(jobDir.resolve("job_" + id + ".log"))).isEqualTo("hello from the pod\n");
		}
	}

}
