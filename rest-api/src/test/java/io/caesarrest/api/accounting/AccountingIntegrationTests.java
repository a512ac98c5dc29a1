package io.caesarrest.api.accounting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.caesarrest.api.ApiClient;
import io.caesarrest.api.TestApps;
import io.caesarrest.api.TestFits;
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
 * The all-in-one service with a fast accounter: a file uploaded and two jobs run over
 * HTTP show up in {@code /accounting} and {@code /appstats}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountingIntegrationTests {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	static Path home;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("caesar.home", () -> home.toString());
		registry.add("caesar.apps.dir", TestApps::dir);
		registry.add("caesar.accounter.period", () -> "500ms");
		registry.add("caesar.accounter.initial-delay", () -> "0s");
	}

	@Test
	void reportsTheCallersFilesAndJobsAndTheServiceTotals() throws IOException {
		ApiClient api = new ApiClient(this.port);
		Path image = TestFits.write(home.resolve("in.fits"), 1000, 1);
		long bytes = Files.size(image);
		String file = api.uploadOk(image, "in.fits");
		String ok = api.submitOk("""
				{"app":"testapp","data_inputs":"%s","job_options":{"sleep":0.3}}""".formatted(file));
		String failed = api.submitOk("""
				{"app":"testapp","data_inputs":"%s","job_options":{"exit-code":3}}""".formatted(file));
		api.awaitState(ok, TIMEOUT, JobState.SUCCESS, JobState.FAILURE);
		api.awaitState(failed, TIMEOUT, JobState.SUCCESS, JobState.FAILURE);

		JsonNode mine = await().atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> ApiClient.json(api.get("/accounting")),
					// a pass that began before both jobs ended may be served first: wait
					// for a newer one
					(doc) -> doc.get("njobs").asLong() == 2 && doc.get("njobs_failed").asLong() == 1
							&& doc.get("njobs_completed").asLong() == 1);
		assertThat(mine.get("njobs_pending").asLong() + mine.get("njobs_running").asLong()).isZero();
		assertThat(mine.get("njobs_unknown").asLong()).isZero();
		assertThat(mine.get("files").asLong()).isEqualTo(1);
		assertThat(mine.get("bytes").asLong()).isEqualTo(bytes);
		assertThat(mine.get("datasize").asDouble()).isEqualTo(bytes / 1024.0);
		assertThat(mine.get("jobsize").asDouble()).isPositive();
		assertThat(mine.get("job_completed_runtime").asDouble()).isGreaterThanOrEqualTo(0.3);
		assertThat(mine.get("job_runtime").asDouble())
			.isGreaterThanOrEqualTo(mine.get("job_completed_runtime").asDouble());
		assertThat(mine.get("by_app").get("testapp").asLong()).isEqualTo(2);
		assertThat(mine.get("by_state").get("SUCCESS").asLong()).isEqualTo(1);
		assertThat(mine.get("by_state").get("FAILURE").asLong()).isEqualTo(1);
		assertThat(Instant.parse(mine.get("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(mine.has("_id")).isFalse();

		JsonNode stats = await().atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> ApiClient.json(api.get("/appstats")), (doc) -> doc.has("njobs")
					&& doc.get("njobs").asLong() == 2 && doc.get("njobs_completed").asLong() == 1);
		assertThat(stats.get("nusers").asLong()).isEqualTo(1);
		assertThat(stats.get("bytes").asLong()).isEqualTo(bytes);
		assertThat(stats.get("totsize").asDouble())
			.isEqualTo(stats.get("datasize").asDouble() + stats.get("jobsize").asDouble());
		assertThat(stats.get("avg_completed_job_runtime").asDouble()).isGreaterThanOrEqualTo(0.3);
		JsonNode testapp = stats.get("apps").get("testapp");
		assertThat(testapp.get("njobs").asLong()).isEqualTo(2);
		assertThat(testapp.get("nusers").asLong()).isEqualTo(1);
		assertThat(testapp.get("by_state").get("FAILURE").asLong()).isEqualTo(1);
	}

}
