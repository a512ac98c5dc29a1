package io.caesarrest.monitor;

import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerAutoConfiguration;
import io.caesarrest.scheduler.SchedulerSelection;
import io.caesarrest.scheduler.UnknownSchedulerException;
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
 * monitor application carries (local and Slurm).
 */
class SchedulerSelectionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SchedulerAutoConfiguration.class, StorageAutoConfiguration.class,
				LocalSchedulerAutoConfiguration.class, SlurmSchedulerAutoConfiguration.class))
		.withPropertyValues("caesar.home=target/selection-home");

	@Test
	void runsLocalJobsWhenNoTypeIsSet() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Scheduler.class).name()).isEqualTo("local");
			assertThat(context.getBean(SchedulerSelection.class).available()).containsExactly("local", "slurm");
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
	void refusesToStartWithAnUnknownTypeNamingTheValidOnes() {
		this.runner.withPropertyValues("caesar.scheduler.type=kubernets").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(UnknownSchedulerException.class)
				.hasMessage("caesar.scheduler.type=kubernets: no such scheduler; available: local, slurm");
		});
	}

	@Test
	void refusesABackendThatThisApplicationDoesNotCarry() {
		this.runner.withPropertyValues("caesar.scheduler.type=kubernetes").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(UnknownSchedulerException.class)
				.hasMessageContaining("kubernetes: no such scheduler");
		});
	}

}
