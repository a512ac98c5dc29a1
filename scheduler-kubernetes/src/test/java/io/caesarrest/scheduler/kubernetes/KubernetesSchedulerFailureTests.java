package io.caesarrest.scheduler.kubernetes;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.storage.StorageLayout;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the Kubernetes backend reports jobs that do not succeed: time-out, a failed or
 * out-of-memory container, an image that cannot be pulled, a pod that cannot be
 * scheduled.
 */
class KubernetesSchedulerFailureTests {

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

	private SchedulerRef submit() {
		return this.scheduler.submit(MockCluster.imageLaunch(this.layout));
	}

	private static JobStatus failed(String reason) {
		JobStatus status = new JobStatus();
		status.setFailed(1);
		status.setStartTime("2026-11-29T10:00:00Z");
		status.setConditions(List.of(new JobConditionBuilder().withType("Failed")
			.withStatus("True")
			.withReason(reason)
			.withMessage("the cluster's words")
			.withLastTransitionTime("2026-11-29T10:05:00Z")
			.build()));
		return status;
	}

	@Test
	void mapsDeadlineExceededToTimedOut() {
		SchedulerRef ref = submit();
		this.cluster.jobStatus(ref, failed("DeadlineExceeded"));
		assertThat(MockCluster.awaitState(this.scheduler, ref, JobState.TIMED_OUT).exitCode()).isEqualTo(124);
	}

	@Test
	void mapsAFailedContainerToFailureWithItsExitCode() {
		SchedulerRef ref = submit();
		this.cluster.pod(ref, terminated(3, "Error"));
		this.cluster.jobStatus(ref, failed("BackoffLimitExceeded"));
		Execution execution = MockCluster.awaitState(this.scheduler, ref, JobState.FAILURE);
		assertThat(execution.exitCode()).isEqualTo(3);
		assertThat(execution.message()).contains("exit code 3");
	}

	@Test
	void mapsOomKilledToFailureSayingSo() {
		SchedulerRef ref = submit();
		this.cluster.pod(ref, terminated(137, "OOMKilled"));
		this.cluster.jobStatus(ref, failed("BackoffLimitExceeded"));
		Execution execution = MockCluster.awaitState(this.scheduler, ref, JobState.FAILURE);
		assertThat(execution.exitCode()).isEqualTo(137);
		assertThat(execution.message()).contains("OOMKilled");
	}

	@Test
	void failsAJobWhoseImageCannotBePulledAfterThePendingTimeout() {
		SchedulerRef ref = submit();
		this.cluster
			.pod(ref,
					new PodStatusBuilder().withContainerStatuses(new ContainerStatusBuilder().withName("job")
						.withNewState()
						.withNewWaiting()
						.withReason("ImagePullBackOff")
						.withMessage("Back-off pulling image \"sriggi/caesar-job:latest\"")
						.endWaiting()
						.endState()
						.build()).withPhase("Pending").build());
		assertThat(MockCluster.awaitState(this.scheduler, ref, JobState.PENDING)).isNotNull();
		try (KubernetesScheduler later = MockCluster.scheduler(this.cluster.client, this.layout,
				MockCluster.properties("pending-timeout=10m"),
				Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11)))) {
			Execution execution = MockCluster.awaitState(later, ref, JobState.FAILURE);
			assertThat(execution.message()).contains("ImagePullBackOff").contains("sriggi/caesar-job");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.cluster.jobs().isEmpty());
	}

	@Test
	void failsAnUnschedulableJobAfterThePendingTimeout() {
		SchedulerRef ref = submit();
		this.cluster
			.pod(ref,
					new PodStatusBuilder().withConditions(new PodConditionBuilder().withType("PodScheduled")
						.withStatus("False")
						.withReason("Unschedulable")
						.withMessage("0/3 nodes are available: 3 Insufficient memory.")
						.build()).withPhase("Pending").build());
		try (KubernetesScheduler later = MockCluster.scheduler(this.cluster.client, this.layout,
				MockCluster.properties(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11)))) {
			assertThat(MockCluster.awaitState(later, ref, JobState.FAILURE).message()).contains("Unschedulable")
				.contains("Insufficient memory");
		}
	}

	@Test
	void failsAJobThatGotNoPodAfterThePendingTimeout() {
		SchedulerRef ref = submit();
		assertThat(MockCluster.awaitState(this.scheduler, ref, JobState.PENDING)).isNotNull();
		try (KubernetesScheduler later = MockCluster.scheduler(this.cluster.client, this.layout,
				MockCluster.properties(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11)))) {
			assertThat(MockCluster.awaitState(later, ref, JobState.FAILURE).message()).contains("no pod was created");
		}
	}

	@Test
	void waitsForAPendingPodWithinThePendingTimeout() {
		SchedulerRef ref = submit();
		try (KubernetesScheduler soon = MockCluster.scheduler(this.cluster.client, this.layout,
				MockCluster.properties(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(9)))) {
			assertThat(MockCluster.awaitState(soon, ref, JobState.PENDING).message()).contains("not yet running");
			assertThat(this.cluster.jobs()).hasSize(1);
		}
	}

	private static io.fabric8.kubernetes.api.model.PodStatus terminated(int exitCode, String reason) {
		return new PodStatusBuilder()
			.withContainerStatuses(new ContainerStatusBuilder().withName("job")
				.withNewState()
				.withNewTerminated()
				.withExitCode(exitCode)
				.withReason(reason)
				.endTerminated()
				.endState()
				.build())
			.withPhase("Failed")
			.build();
	}

}
