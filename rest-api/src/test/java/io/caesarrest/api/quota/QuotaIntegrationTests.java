package io.caesarrest.api.quota;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import io.caesarrest.api.ApiClient;
import io.caesarrest.api.TestFits;
import io.caesarrest.api.security.TokenIssuer;
import io.caesarrest.job.JobState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-user quotas with tokens from a real OIDC issuer: storage (413, nothing kept),
 * running jobs and submissions per minute (429 with {@code Retry-After}), each user
 * counted on their own, and the figures in {@code /accounting}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuotaIntegrationTests {

	static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

	static final long QUOTA = 100_000;

	static final TokenIssuer issuer = new TokenIssuer();

	@TempDir
	static Path home;

	@LocalServerPort
	int port;

	ApiClient alice;

	ApiClient bob;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		issuer.register(registry, home);
		registry.add("caesar.quota.max-stored-bytes", () -> QUOTA + "B");
		registry.add("caesar.quota.max-running-jobs", () -> "1");
		registry.add("caesar.quota.max-submissions-per-minute", () -> "2");
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@BeforeEach
	void clients() {
		ApiClient api = new ApiClient(this.port);
		this.alice = api.withToken(issuer.token("alice@example.org"));
		this.bob = api.withToken(issuer.token("bob@example.org"));
	}

	@Test
	void refusesAnUploadBeyondTheStorageQuotaAndKeepsNothingOfIt() throws IOException {
		Path image = TestFits.write(home.resolve("big.fits"), 60_000, 1);
		this.alice.uploadOk(image, "big.fits");
		HttpResponse<String> refused = this.alice.upload(image, "big.fits");
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(ApiClient.json(refused).get("status").asString()).contains("Storage quota exceeded")
			.contains(Long.toString(QUOTA));
		assertThat(filesUnder(home.resolve("data/alice_40example_2eorg"))).hasSize(1);
		assertThat(filesUnder(home.resolve("data/.staging"))).isEmpty();
		JsonNode quota = ApiClient.json(this.alice.get("/accounting")).get("quota");
		assertThat(quota.get("max_stored_bytes").asLong()).isEqualTo(QUOTA);
		assertThat(quota.get("stored_bytes").asLong()).isEqualTo(Files.size(image));

		this.bob.uploadOk(image, "big.fits");
	}

	@Test
	void refusesSubmissionsBeyondTheRunningJobsAndRateQuotasWithRetryAfter() throws IOException {
		String file = this.alice.uploadOk(TestFits.write(home.resolve("in.fits"), 100, 2), "in.fits");
		String first = this.alice.submitOk(job(file, 120));
		HttpResponse<String> second = this.alice.postJson("/job", job(file, 0));
		assertThat(second.statusCode()).isEqualTo(429);
		assertThat(second.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(ApiClient.json(second).get("status").asString()).contains("Too many running jobs");

		String bobs = this.bob.uploadOk(TestFits.write(home.resolve("bob.fits"), 100, 3), "bob.fits");
		this.bob.submitOk(job(bobs, 0));

		assertThat(this.alice.post("/job/" + first + "/cancel").statusCode()).isEqualTo(200);
		String third = this.alice.submitOk(job(file, 0));
		this.alice.awaitState(third, JOB_TIMEOUT, JobState.SUCCESS, JobState.FAILURE);
		HttpResponse<String> fourth = this.alice.postJson("/job", job(file, 0));
		assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(429);
		assertThat(ApiClient.json(fourth).get("status").asString()).contains("Too many submissions");
		assertThat(Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);

		JsonNode quota = ApiClient.json(this.alice.get("/accounting")).get("quota");
		assertThat(quota.get("max_running_jobs").asInt()).isEqualTo(1);
		assertThat(quota.get("max_submissions_per_minute").asInt()).isEqualTo(2);
		assertThat(quota.get("submissions_last_minute").asInt()).isEqualTo(2);
		assertThat(quota.get("running_jobs").asInt()).isZero();
		assertThat(ApiClient.json(this.alice.get("/jobs"))).hasSize(2);
	}

	private static String job(String file, double sleep) {
		return """
				{"app":"testapp","data_inputs":"%s","job_options":{"sleep":%s}}""".formatted(file, sleep);
	}

	private static java.util.List<Path> filesUnder(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return java.util.List.of();
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			return paths.filter(Files::isRegularFile).toList();
		}
	}

}
