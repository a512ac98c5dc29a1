package io.caesarrest.monitor;

import io.caesarrest.app.AppAutoConfiguration;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerAutoConfiguration;
import io.caesarrest.scheduler.SchedulerSelection;
import io.caesarrest.scheduler.UnknownSchedulerException;
import io.caesarrest.scheduler.kubernetes.KubernetesSchedulerAutoConfiguration;
import io.caesarrest.scheduler.local.LocalSchedulerAutoConfiguration;
import io.caesarrest.scheduler.slurm.SlurmSchedulerAutoConfiguration;
import io.caesarrest.storage.StorageAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The choice of backend by {@code caesar.scheduler.type}, against the backends the
 * monitor application carries (local, Kubernetes and Slurm).
 */
class SchedulerSelectionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SchedulerAutoConfiguration.class, StorageAutoConfiguration.class,
				LocalSchedulerAutoConfiguration.class, SlurmSchedulerAutoConfiguration.class,
				AppAutoConfiguration.class, KubernetesSchedulerAutoConfiguration.class))
		.withPropertyValues("caesar.home=target/selection-home", "caesar.scheduler.local.warm-jvms=0");

	@Test
	void runsLocalJobsWhenNoTypeIsSet() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Scheduler.class).name()).isEqualTo("local");
			assertThat(context.getBean(SchedulerSelection.class).available()).containsExactly("kubernetes", "local",
					"slurm");
		});
	}

	@Test
	void selectsTheNamedBackend() {
		this.runner
			.withPropertyValues("caesar.scheduler.type=slurm", "caesar.scheduler.slurm.url=http://localhost:1",
					"caesar.scheduler.slurm.token=t", "caesar.scheduler.slurm.user=caesar")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(Scheduler.class)).hasSize(1);
				assertThat(context.getBean(Scheduler.class).name()).isEqualTo("slurm");
			});
	}

	@Test
	void selectsKubernetes() {
		this.runner
			.withPropertyValues("caesar.scheduler.type=kubernetes", "caesar.scheduler.kubernetes.namespace=caesar",
					"caesar.scheduler.kubernetes.check-at-start=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(Scheduler.class)).hasSize(1);
				assertThat(context.getBean(Scheduler.class).name()).isEqualTo("kubernetes");
			});
	}

	@Test
	void refusesToStartWithAnUnknownTypeNamingTheValidOnes() {
		this.runner.withPropertyValues("caesar.scheduler.type=kubernets").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(UnknownSchedulerException.class)
				.hasMessage("caesar.scheduler.type=kubernets: no such scheduler; available: kubernetes, local, slurm");
		});
	}

	@Test
	void refusesToStartOnKubernetesWithoutAReachableCluster() {
		// no in-cluster config and no KUBECONFIG here: the start check cannot list Jobs
		this.runner.withPropertyValues("caesar.scheduler.type=kubernetes").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("caesar.scheduler.type=kubernetes: cannot list Jobs");
		});
	}

}
