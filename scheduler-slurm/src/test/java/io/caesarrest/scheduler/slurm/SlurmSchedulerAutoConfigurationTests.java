package io.caesarrest.scheduler.slurm;

import java.nio.file.Path;

import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.storage.StorageLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the Slurm backend is configured, and with what.
 */
class SlurmSchedulerAutoConfigurationTests {

	@TempDir
	Path home;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SlurmSchedulerAutoConfiguration.class))
			.withBean(StorageLayout.class,
					() -> new StorageLayout(this.home, this.home.resolve("data"), this.home.resolve("jobs")));
	}

	@Test
	void staysOffUnlessSlurmIsChosen() {
		runner().run((context) -> assertThat(context).doesNotHaveBean(Scheduler.class));
		runner().withPropertyValues("caesar.scheduler.type=local")
			.run((context) -> assertThat(context).doesNotHaveBean(Scheduler.class));
	}

	@Test
	void providesTheSlurmSchedulerWithDefaults() {
		runner()
			.withPropertyValues("caesar.scheduler.type=slurm", "caesar.scheduler.slurm.user=caesar",
					"caesar.scheduler.slurm.token=abc")
			.run((context) -> {
				assertThat(context).hasSingleBean(Scheduler.class);
				assertThat(context.getBean(Scheduler.class).name()).isEqualTo("slurm");
				SlurmSchedulerProperties properties = context.getBean(SlurmSchedulerProperties.class);
				assertThat(properties.url()).hasToString("http://127.0.0.1:6820");
				assertThat(properties.apiVersion()).isEqualTo("auto");
				assertThat(properties.maxCoresPerJob()).isEqualTo(4);
				assertThat(properties.containerRuntime())
					.isEqualTo(SlurmSchedulerProperties.ContainerRuntime.SINGULARITY);
				assertThat(properties.tokenLifetime()).hasHours(1);
			});
	}

	@Test
	void failsWithoutKeyFileOrToken() {
		runner().withPropertyValues("caesar.scheduler.type=slurm", "caesar.scheduler.slurm.user=caesar")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("caesar.scheduler.slurm.key-file"));
	}

}
