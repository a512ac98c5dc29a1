package io.caesarrest.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.caesarrest.job.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job engine polls the local backend and dispatches only once an hour here, and the
 * backend runs one job at a time, so jobs can only start, end and be stopped because a
 * submission, a cancel or a process exit wakes the engine at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocalWakeUpIntegrationTests {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	static Path home;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("caesar.home", () -> home.toString());
		registry.add("caesar.apps.dir", TestApps::dir);
		registry.add("caesar.scheduler.local.poll-interval", () -> "1h");
		registry.add("caesar.scheduler.local.cores", () -> "1");
		registry.add("caesar.monitor.dispatch-interval", () -> "1h");
	}

	@Test
	void submissionsCancelsAndProcessExitsDriveTheWorkerBetweenRounds() throws IOException {
		ApiClient api = new ApiClient(this.port);
		String file = api.uploadOk(TestFits.write(home.resolve("in.fits"), 100, 1), "in.fits");
		String quick = api.submitOk("""
				{"app":"testapp","data_inputs":"%s","job_options":{"sleep":0.2}}""".formatted(file));
		assertThat(state(api.awaitState(quick, TIMEOUT, JobState.SUCCESS, JobState.FAILURE))).isEqualTo("SUCCESS");
		String slow = api.submitOk("""
				{"app":"testapp","data_inputs":"%s","job_options":{"sleep":600}}""".formatted(file));
		long pid = Long.parseLong(api.awaitState(slow, TIMEOUT, JobState.RUNNING).get("pid").asString());
		String next = api.submitOk("""
				{"app":"testapp","data_inputs":"%s","job_options":{"sleep":0.2}}""".formatted(file));
		assertThat(state(api.status(next))).isEqualTo("PENDING");
		api.get("/job/" + slow + "/cancel");
		await().atMost(TIMEOUT)
			.until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), (alive) -> !alive);
		assertThat(state(api.awaitState(next, TIMEOUT, JobState.SUCCESS, JobState.FAILURE))).isEqualTo("SUCCESS");
		assertThat(state(api.status(slow))).isEqualTo("CANCELED");
	}

	private static String state(JsonNode status) {
		return status.get("state").asString();
	}

}
