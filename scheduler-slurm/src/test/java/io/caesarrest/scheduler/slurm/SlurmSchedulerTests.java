package io.caesarrest.scheduler.slurm;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.storage.StorageLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * The scheduler over a mocked slurmrestd: batched polls and the exit-code file of jobs
 * Slurm has forgotten (the live behaviour is in
 * {@link SlurmSchedulerContractIntegrationTests}).
 */
class SlurmSchedulerTests {

	@TempDir
	Path home;

	private final RestClient.Builder builder = RestClient.builder().baseUrl("http://slurm.test");

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.builder).build();

	@Test
	void pollsManyJobsWithOneRequest() throws Exception {
		this.server.expect(ExpectedCount.once(), requestTo("http://slurm.test/slurm/v0.0.41/jobs"))
			.andRespond(withSuccess(new String(getClass().getResourceAsStream("jobs-v0.0.41.json").readAllBytes()),
					MediaType.APPLICATION_JSON));
		SchedulerRef done = new SlurmRef(101, this.home).toRef();
		SchedulerRef failed = new SlurmRef(102, this.home).toRef();
		SchedulerRef waiting = new SlurmRef(108, this.home).toRef();
		SchedulerRef unknown = new SlurmRef(999, this.home).toRef();
		Map<SchedulerRef, Execution> executions = scheduler("v0.0.41").poll(List.of(done, failed, waiting, unknown));
		this.server.verify();
		assertThat(executions).containsOnlyKeys(done, failed, waiting);
		assertThat(executions.get(done).state()).isEqualTo(JobState.SUCCESS);
		assertThat(executions.get(failed).exitCode()).isEqualTo(3);
		assertThat(executions.get(waiting).state()).isEqualTo(JobState.PENDING);
	}

	@Test
	void reportsAForgottenJobFromItsExitCodeFile() throws Exception {
		this.server.expect(requestTo("http://slurm.test/slurm/v0.0.38/jobs"))
			.andRespond(withSuccess("{\"errors\": [], \"jobs\": []}", MediaType.APPLICATION_JSON));
		Path jobDir = Files.createDirectories(this.home.resolve("job"));
		Files.writeString(jobDir.resolve(JobLaunch.EXIT_CODE_FILE), "0\n");
		SchedulerRef ref = new SlurmRef(5, jobDir).toRef();
		Execution execution = scheduler("v0.0.38").poll(List.of(ref)).get(ref);
		assertThat(execution.state()).isEqualTo(JobState.SUCCESS);
		assertThat(execution.exitCode()).isZero();
		assertThat(execution.end()).isNotNull();
	}

	@Test
	void failsWhenSlurmCannotBeReached() {
		SlurmSchedulerProperties properties = new SlurmSchedulerProperties(URI.create("http://127.0.0.1:1"), "v0.0.38",
				"caesar", null, "token", Duration.ofHours(1), null, null, 4, null, null,
				SlurmSchedulerProperties.ContainerRuntime.SINGULARITY, Duration.ZERO, Duration.ofSeconds(2), null);
		SlurmScheduler unreachable = SlurmSchedulerAutoConfiguration.create(properties, layout(), RestClient.builder(),
				Clock.systemUTC());
		assertThatExceptionOfType(SchedulerException.class)
			.isThrownBy(() -> unreachable.poll(List.of(new SlurmRef(1, this.home).toRef())));
	}

	@Test
	void parsesItsReferences() {
		SlurmRef ref = new SlurmRef(42, Path.of("/srv/jobs/a b:c/job_1"));
		assertThat(SlurmRef.parse(ref.toRef())).isEqualTo(ref);
	}

	private SlurmScheduler scheduler(String version) {
		SlurmRestClient client = new SlurmRestClient(this.builder.build(), "caesar", SlurmToken.fixed("jwt"),
				JsonMapper.builder().build());
		return new SlurmScheduler(client, version,
				new SlurmBatchJobs(SlurmBatchJobsTests.properties(null, null), layout()));
	}

	private StorageLayout layout() {
		return new StorageLayout(this.home, this.home.resolve("data"), this.home.resolve("jobs"));
	}

}
