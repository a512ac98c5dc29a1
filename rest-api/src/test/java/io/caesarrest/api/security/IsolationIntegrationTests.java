package io.caesarrest.api.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.caesarrest.api.ApiClient;
import io.caesarrest.api.TestFits;
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
 * Two users and an admin with tokens from a real OIDC issuer: a user never sees, changes
 * or cancels another's files, jobs or outputs (always 404, and nothing changes); the
 * admin role reaches service-wide figures, others' accounting and any job's cancel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IsolationIntegrationTests {

	static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

	static final TokenIssuer issuer = new TokenIssuer();

	@TempDir
	static Path home;

	@LocalServerPort
	int port;

	ApiClient alice;

	ApiClient bob;

	ApiClient admin;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		issuer.register(registry, home);
		registry.add("caesar.auth.admin-claim", () -> "groups");
		registry.add("caesar.auth.admin-values", () -> "caesar-admins");
		registry.add("caesar.accounter.initial-delay", () -> "1h");
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
		this.admin = api.withToken(issuer.adminToken("carol@example.org"));
	}

	@Test
	void anotherUsersFileIsNotFoundAndStaysIntact() throws IOException {
		Path image = TestFits.write(home.resolve("a.fits"), 500, 1);
		String file = this.alice.uploadOk(image, "a.fits");
		for (String path : List.of("/download/" + file, "/delete/" + file)) {
			HttpResponse<String> get = this.bob.get(path);
			assertThat(get.statusCode()).as("GET " + path).isEqualTo(404);
			assertThat(ApiClient.json(get).get("status").asString()).contains("not found");
			assertThat(this.bob.post(path).statusCode()).as("POST " + path).isEqualTo(404);
		}
		assertThat(ApiClient.json(this.bob.get("/fileids")).get("file_ids")).isEmpty();
		HttpResponse<String> submit = this.bob.postJson("/job", """
				{"app":"testapp","data_inputs":"%s"}""".formatted(file));
		assertThat(submit.statusCode()).as(submit.body()).isEqualTo(400);
		assertThat(ApiClient.json(this.bob.get("/jobs"))).isEmpty();
		assertThat(this.alice.getBytes("/download/" + file).body()).isEqualTo(Files.readAllBytes(image));
		assertThat(ApiClient.json(this.alice.get("/fileids")).get("file_ids").valueStream().map(JsonNode::asString))
			.contains(file);
	}

	@Test
	void anotherUsersJobAndOutputsAreNotFoundAndItsCancelChangesNothing() throws IOException {
		String file = this.alice.uploadOk(TestFits.write(home.resolve("j.fits"), 200, 2), "j.fits");
		String done = this.alice.submitOk("""
				{"app":"testapp","data_inputs":"%s","job_options":{"sleep":0.1}}""".formatted(file));
		String running = this.alice.submitOk("""
				{"app":"testapp","data_inputs":"%s","job_options":{"sleep":120}}""".formatted(file));
		assertThat(this.alice.awaitState(done, JOB_TIMEOUT, JobState.SUCCESS, JobState.FAILURE).get("state").asString())
			.isEqualTo("SUCCESS");
		this.alice.awaitState(running, JOB_TIMEOUT, JobState.RUNNING);
		for (String route : List.of("status", "output", "sources", "output-sources", "source-components",
				"output-components", "preview", "output-plot", "cancel")) {
			for (String job : List.of(done, running)) {
				assertThat(this.bob.get("/job/" + job + "/" + route).statusCode()).as(route).isEqualTo(404);
			}
		}
		assertThat(this.bob.post("/job/" + running + "/cancel").statusCode()).isEqualTo(404);
		assertThat(ApiClient.json(this.bob.get("/jobs"))).isEmpty();
		assertThat(this.alice.status(running).get("state").asString()).isEqualTo("RUNNING");
		assertThat(this.alice.get("/job/" + done + "/sources").statusCode()).isEqualTo(200);
		assertThat(ApiClient.json(this.alice.get("/jobs")).valueStream().map((j) -> j.get("job_id").asString()))
			.contains(done, running);

		HttpResponse<String> cancel = this.admin.post("/job/" + running + "/cancel");
		assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
		assertThat(this.alice.status(running).get("state").asString()).isEqualTo("CANCELED");
		assertThat(this.admin.get("/job/" + done + "/status").statusCode()).isEqualTo(404);
	}

	@Test
	void serviceWideFiguresAndOthersAccountingNeedTheAdminRole() throws IOException {
		this.alice.uploadOk(TestFits.write(home.resolve("acc.fits"), 100, 3), "acc.fits");
		HttpResponse<String> forbidden = this.bob.get("/appstats");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(ApiClient.json(forbidden).get("status").asString()).contains("admin");
		HttpResponse<String> stats = this.admin.get("/appstats");
		assertThat(stats.statusCode()).as("zeros before the accounter's first pass").isEqualTo(200);
		assertThat(ApiClient.json(stats).get("njobs").asLong()).isZero();

		assertThat(this.bob.get("/accounting?user=alice@example.org").statusCode()).isEqualTo(404);
		JsonNode own = ApiClient.json(this.bob.get("/accounting"));
		assertThat(own.get("files").asLong()).isZero();
		JsonNode alices = ApiClient.json(this.admin.get("/accounting?user=alice@example.org"));
		assertThat(alices.get("files").asLong()).isPositive();
		assertThat(alices.get("quota").get("stored_bytes").asLong()).isPositive();
	}

}
