package io.caesarrest.scheduler.kubernetes;

import java.nio.file.Path;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.storage.StorageLayout;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the Kubernetes backend is configured, and what happens without a cluster.
 */
class KubernetesSchedulerAutoConfigurationTests {

	@TempDir
	Path home;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KubernetesSchedulerAutoConfiguration.class))
			.withBean(StorageLayout.class, () -> MockCluster.layout(this.home))
			.withBean(AppCatalog.class, () -> new AppCatalog(null));
	}

	@Test
	void staysOffUnlessKubernetesIsChosen() {
		runner().run((context) -> assertThat(context).doesNotHaveBean(Scheduler.class));
		runner().withPropertyValues("caesar.scheduler.type=slurm")
			.run((context) -> assertThat(context).doesNotHaveBean(Scheduler.class));
	}

	@Test
	void providesTheSchedulerInTheConfiguredNamespaceWhenTheClusterAnswers() {
		try (MockCluster cluster = MockCluster.start()) {
			runner().withBean(KubernetesClient.class, () -> cluster.client)
				.withPropertyValues("caesar.scheduler.type=kubernetes", "caesar.scheduler.kubernetes.namespace=astro")
				.run((context) -> {
					assertThat(context).hasSingleBean(Scheduler.class);
					assertThat(context.getBean(KubernetesScheduler.class).namespace()).isEqualTo("astro");
					KubernetesSchedulerProperties properties = context.getBean(KubernetesSchedulerProperties.class);
					assertThat(properties.dataClaim()).isEqualTo("caesar-data");
					assertThat(properties.jobsClaim()).isEqualTo("caesar-jobs");
					assertThat(properties.ttlAfterFinished()).hasMinutes(10);
				});
		}
	}

	@Test
	void failsAtStartWithAClearMessageWithoutACluster() {
		runner().withBean(KubernetesClient.class,
				() -> new KubernetesClientBuilder()
					.withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:1")
						.withRequestRetryBackoffLimit(0)
						.withConnectionTimeout(2000)
						.build())
					.build())
			.withPropertyValues("caesar.scheduler.type=kubernetes")
			.run((context) -> {
				assertThat(context).hasFailed();
				KubernetesUnreachableException failure = findCause(context.getStartupFailure());
				assertThat(failure).hasMessageStartingWith(
						"caesar.scheduler.type=kubernetes: cannot list Jobs in namespace default at http://127.0.0.1:1/")
					.hasMessageContaining("ConnectException");
				FailureAnalysis analysis = new KubernetesUnreachableFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
				assertThat(analysis.getAction()).contains("KUBECONFIG", "check-at-start=false");
			});
	}

	private static KubernetesUnreachableException findCause(Throwable failure) {
		Throwable cause = failure;
		while (!(cause instanceof KubernetesUnreachableException)) {
			cause = cause.getCause();
		}
		return (KubernetesUnreachableException) cause;
	}

	@Test
	void startsWithoutTheClusterWhenTheCheckIsOff() {
		runner()
			.withBean(KubernetesClient.class,
					() -> new KubernetesClientBuilder()
						.withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:1").build())
						.build())
			.withPropertyValues("caesar.scheduler.type=kubernetes", "caesar.scheduler.kubernetes.check-at-start=false")
			.run((context) -> assertThat(context).hasSingleBean(Scheduler.class));
	}

}
