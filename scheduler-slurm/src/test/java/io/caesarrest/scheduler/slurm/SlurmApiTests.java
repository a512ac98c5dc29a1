package io.caesarrest.scheduler.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.SchedulerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * The slurmrestd OpenAPI versions: requests as their schemas want them, and answers read
 * from fixtures (v0.0.38 recorded from Slurm 22.05, v0.0.40/41 written after the
 * published schemas).
 */
class SlurmApiTests {

	private static final String BASE = "http://slurm.test:6820";

	private static final SlurmJobRequest REQUEST = new SlurmJobRequest("0123", "#!/bin/bash\n",
			Map.of("PATH", "/bin", "CAESAR_ARG_0", "a\"b"), "/srv/jobs/alice/job_0123",
			"/srv/jobs/alice/job_0123/job_0123.log", 2, 1, 5, "debug", null);

	private final RestClient.Builder builder = RestClient.builder().baseUrl(BASE);

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.builder).build();

	private final SlurmRestClient client = new SlurmRestClient(this.builder.build(), "caesar", SlurmToken.fixed("jwt"),
			JsonMapper.builder().build());

	@Test
	void submitsWithTheV0038Schema() {
		this.server.expect(requestTo(BASE + "/slurm/v0.0.38/job/submit"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(header("X-SLURM-USER-NAME", "caesar"))
			.andExpect(header("X-SLURM-USER-TOKEN", "jwt"))
			.andExpect(content().json("""
					{"script": "#!/bin/bash\\n", "job": {"name": "0123",
					 "environment": {"PATH": "/bin", "CAESAR_ARG_0": "a\\"b"},
					 "current_working_directory": "/srv/jobs/alice/job_0123",
					 "standard_output": "/srv/jobs/alice/job_0123/job_0123.log",
					 "standard_error": "/srv/jobs/alice/job_0123/job_0123.log",
					 "cpus_per_task": 2, "tasks": 1, "time_limit": 5, "partition": "debug"}}""", true))
			.andRespond(
					withSuccess("{\"errors\": [], \"job_id\": 7, \"step_id\": \"BATCH\"}", MediaType.APPLICATION_JSON));
		assertThat(new SlurmApiV0038(this.client).submit(REQUEST)).isEqualTo(7);
	}

	@Test
	void readsV0038JobsRecordedFromSlurm2205() {
		expectJobs("v0.0.38");
		Map<String, SlurmJob> jobs = byName(new SlurmApiV0038(this.client).jobs());
		assertThat(jobs.get("fail").exitCode()).isEqualTo(3);
		assertThat(jobs.get("fail").state()).isEqualTo("FAILED");
		assertThat(jobs.get("killed").exitCode()).isEqualTo(137);
		assertThat(jobs.get("ok").exitCode()).isZero();
		assertThat(jobs.get("timeout").reason()).isEqualTo("TimeLimit");
		assertThat(jobs.get("timeout").start()).isEqualTo(Instant.ofEpochSecond(1795446024));
		assertThat(SlurmStates.execution(jobs.get("timeout")).state()).isEqualTo(JobState.TIMED_OUT);
		assertThat(SlurmStates.execution(jobs.get("cancel")).state()).isEqualTo(JobState.CANCELED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "v0.0.40", "v0.0.41" })
	void submitsWithTheV0040Schema(String version) {
		this.server.expect(requestTo(BASE + "/slurm/" + version + "/job/submit"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(content().json("""
					{"job": {"name": "0123", "script": "#!/bin/bash\\n",
					 "environment": ["CAESAR_ARG_0=a\\"b", "PATH=/bin"],
					 "current_working_directory": "/srv/jobs/alice/job_0123",
					 "standard_output": "/srv/jobs/alice/job_0123/job_0123.log",
					 "standard_error": "/srv/jobs/alice/job_0123/job_0123.log",
					 "cpus_per_task": 2, "tasks": 1,
					 "time_limit": {"set": true, "infinite": false, "number": 5}, "partition": "debug"}}""", true))
			.andRespond(withSuccess(fixture("submit-" + version), MediaType.APPLICATION_JSON));
		assertThat(new SlurmApiV0040(this.client, version).submit(REQUEST)).isEqualTo(109);
	}

	@ParameterizedTest
	@ValueSource(strings = { "v0.0.40", "v0.0.41" })
	void readsV0040JobStatesExitCodesAndTimes(String version) {
		expectJobs(version);
		Map<String, SlurmJob> jobs = byName(new SlurmApiV0040(this.client, version).jobs());
		assertThat(jobs.get("done").state()).isEqualTo("COMPLETED");
		assertThat(jobs.get("done").end()).isEqualTo(Instant.ofEpochSecond(1795446020));
		assertThat(jobs.get("exit3").exitCode()).isEqualTo(3);
		assertThat(jobs.get("killed").exitCode()).isEqualTo(137);
		assertThat(jobs.get("finishing").state()).isEqualTo("COMPLETING");
		assertThat(jobs.get("waiting").start()).isNull();
		assertThat(jobs.get("waiting").reason()).isEqualTo("Resources");
		assertThat(SlurmStates.execution(jobs.get("timeout")).exitCode()).isEqualTo(124);
		assertThat(SlurmStates.execution(jobs.get("canceled")).state()).isEqualTo(JobState.CANCELED);
		assertThat(SlurmStates.execution(jobs.get("running")).state()).isEqualTo(JobState.RUNNING);
	}

	@ParameterizedTest
	@ValueSource(strings = { "v0.0.40", "v0.0.41" })
	void cancelsAnUnknownJobWithoutError(String version) {
		this.server.expect(requestTo(BASE + "/slurm/" + version + "/job/5"))
			.andExpect(method(HttpMethod.DELETE))
			.andRespond(withStatus(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
				.body(fixture("cancel-unknown-" + version)));
		new SlurmApiV0040(this.client, version).cancel(5);
		this.server.verify();
	}

	@Test
	void failsWhenListingTheJobsReportsErrors() {
		// what Slurm 22.05 answers to a token it does not accept: errors and no jobs
		this.server.expect(requestTo(BASE + "/slurm/v0.0.38/jobs"))
			.andRespond(withStatus(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON).body("""
					{"errors": [{"description": "Failed while looking for jobs", "error_number": -1,
					 "error": "Unspecified error", "source": "slurm_load_jobs"}], "jobs": []}"""));
		assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> new SlurmApiV0038(this.client).jobs())
			.withMessageContaining("Failed while looking for jobs");
	}

	@Test
	void failsWhenACancelIsRefused() {
		this.server.expect(requestTo(BASE + "/slurm/v0.0.38/job/5"))
			.andRespond(withStatus(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
				.body("{\"errors\": [{\"error\": \"Access/permission denied\", \"error_number\": 2002}]}"));
		assertThatExceptionOfType(SchedulerException.class).isThrownBy(() -> new SlurmApiV0038(this.client).cancel(5))
			.withMessageContaining("Access/permission denied");
	}

	@Test
	void discoversTheNewestVersionTheServerOffers() {
		this.server.expect(requestTo(BASE + "/slurm/v0.0.41/ping"))
			.andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Unable find"));
		this.server.expect(requestTo(BASE + "/slurm/v0.0.40/ping"))
			.andRespond(withSuccess("{\"errors\": [], \"pings\": []}", MediaType.APPLICATION_JSON));
		assertThat(SlurmApis.forVersion(this.client, "auto").version()).isEqualTo("v0.0.40");
	}

	private void expectJobs(String version) {
		this.server.expect(requestTo(BASE + "/slurm/" + version + "/jobs"))
			.andExpect(method(HttpMethod.GET))
			.andRespond(withSuccess(fixture("jobs-" + version), MediaType.APPLICATION_JSON));
	}

	private static Map<String, SlurmJob> byName(List<SlurmJob> jobs) {
		return jobs.stream().collect(Collectors.toMap(SlurmJob::name, Function.identity()));
	}

	private static String fixture(String name) {
		try (InputStream in = SlurmApiTests.class.getResourceAsStream(name + ".json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
