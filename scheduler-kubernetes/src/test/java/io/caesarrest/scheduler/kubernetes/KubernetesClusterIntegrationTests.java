package io.caesarrest.scheduler.kubernetes;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.StorageLayout;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs real Jobs on the cluster of {@code KUBECONFIG}, skipped without it. The namespace
 * ({@code CAESAR_K8S_NAMESPACE}, default {@code caesar}) must hold the PVCs
 * {@code caesar-data} and {@code caesar-jobs} (e.g. from {@code deploy/kubernetes}); the
 * Jobs run {@code busybox}, whose outputs stay on the cluster's volume.
 */
@EnabledIfEnvironmentVariable(named = "KUBECONFIG", matches = ".+")
class KubernetesClusterIntegrationTests {

	@TempDir
	Path home;

	private KubernetesScheduler scheduler(KubernetesClient client) {
		String namespace = System.getenv().getOrDefault("CAESAR_K8S_NAMESPACE", "caesar");
		StorageLayout layout = new StorageLayout(this.home, Path.of("/srv/caesar/data"), Path.of("/srv/caesar/jobs"));
		return MockCluster.scheduler(client, layout,
				MockCluster.properties("namespace=" + namespace, "native-image=busybox:1.36"), Clock.systemUTC());
	}

	private static Execution awaitEnd(KubernetesScheduler scheduler, SchedulerRef ref) {
		return await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> scheduler.poll(List.of(ref)).get(ref), (e) -> e != null && e.state().isTerminal());
	}

	private static JobLaunch launch(Duration limit, String script) {
		String id = Ids.newId();
		return new JobLaunch(id, "tester", "test", List.of("sh", "-c", script), null, null, Map.of(),
				Path.of("/srv/caesar/jobs/tester/job_" + id), 1, 1, limit);
	}

	@Test
	void runsSucceedsFailsTimesOutAndCancelsOnARealCluster() {
		try (KubernetesClient client = new KubernetesClientBuilder().build();
				KubernetesScheduler scheduler = scheduler(client)) {
			scheduler.checkReachable();
			SchedulerRef ok = scheduler.submit(launch(Duration.ofMinutes(2), "echo ok"));
			SchedulerRef failing = scheduler.submit(launch(Duration.ofMinutes(2), "exit 3"));
			SchedulerRef slow = scheduler.submit(launch(Duration.ofSeconds(5), "sleep 300"));
			SchedulerRef cancelled = scheduler.submit(launch(Duration.ofMinutes(2), "sleep 300"));
			scheduler.cancel(cancelled);
			assertThat(awaitEnd(scheduler, ok).state()).isEqualTo(JobState.SUCCESS);
			Execution failed = awaitEnd(scheduler, failing);
			assertThat(failed.state()).isEqualTo(JobState.FAILURE);
			assertThat(failed.exitCode()).isEqualTo(3);
			assertThat(awaitEnd(scheduler, slow).state()).isEqualTo(JobState.TIMED_OUT);
			assertThat(awaitEnd(scheduler, cancelled).state()).isEqualTo(JobState.CANCELED);
		}
	}

}
