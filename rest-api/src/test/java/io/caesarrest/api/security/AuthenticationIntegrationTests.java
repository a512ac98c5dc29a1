package io.caesarrest.api.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import io.caesarrest.api.ApiClient;
import io.caesarrest.api.TestFits;
import io.caesarrest.file.DataFile;
import io.caesarrest.file.DataFileRepository;
import io.caesarrest.storage.WarmUpOwner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service with authentication on, against a real OIDC issuer over HTTP: which tokens
 * it accepts, how it refuses the others, and that a refused request writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationIntegrationTests {

	static final TokenIssuer issuer = new TokenIssuer();

	static final String ALICE = "alice@example.org";

	@TempDir
	static Path home;

	@LocalServerPort
	int port;

	@Autowired
	DataFileRepository files;

	ApiClient api;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		issuer.register(registry, home);
		registry.add("caesar.auth.audience", () -> TokenIssuer.AUDIENCE);
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void refusesRequestsWithoutTokenWith401AndJson() {
		for (String path : new String[] { "/apps", "/fileids", "/jobs", "/accounting", "/job/0123/status" }) {
			HttpResponse<String> response = this.api.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
			assertThat(ApiClient.json(response).get("status").asString()).contains("Authorization: Bearer");
		}
	}

	@Test
	void refusesGarbageExpiredForgedOtherIssuerAndOtherAudienceTokens() {
		Map<String, String> tokens = Map.of("garbage", "not-a-jwt", "expired", issuer.expiredToken(ALICE), "forged",
				issuer.forgedToken(ALICE), "other issuer", issuer.otherIssuerToken(ALICE), "other audience",
				issuer.otherAudienceToken(ALICE));
		tokens.forEach((kind, token) -> {
			HttpResponse<String> response = this.api.withToken(token).get("/fileids");
			assertThat(response.statusCode()).as(kind).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(kind)
				.get()
				.asString()
				.contains("invalid_token");
			assertThat(ApiClient.json(response).get("status").asString()).as(kind).startsWith("Invalid bearer token");
		});
	}

	@Test
	void refusedUploadsWriteNothing() throws IOException {
		String mallory = "mallory@example.org";
		Path image = TestFits.write(home.resolve("refused.fits"), 200, 1);
		for (ApiClient client : new ApiClient[] { this.api, this.api.withToken(issuer.forgedToken(mallory)),
				this.api.withToken(issuer.expiredToken(mallory)) }) {
			assertThat(client.upload(image, "refused.fits").statusCode()).isEqualTo(401);
		}
		assertThat(this.files.findByOwner(mallory, null, 10, (file) -> true).items()).isEmpty();
		assertThat(home.resolve("data").resolve("mallory_40example_2eorg")).doesNotExist();
		assertThat(regularFilesUnder(home.resolve("data").resolve(".staging"))).isEmpty();
	}

	@Test
	void acceptsTheIssuersTokensAndKeysFilesByTheEmailClaim() throws IOException {
		ApiClient alice = this.api.withToken(issuer.token(ALICE));
		String uuid = alice.uploadOk(TestFits.write(home.resolve("mine.fits"), 200, 1), "mine.fits");
		DataFile stored = this.files.findOwned(uuid, ALICE).orElseThrow();
		assertThat(Path.of(stored.path()).getParent().getFileName().toString()).isEqualTo("alice_40example_2eorg");
		assertThat(ApiClient.json(alice.get("/fileids")).get("file_ids").valueStream().map((id) -> id.asString()))
			.containsExactly(uuid);
	}

	@Test
	void fallsBackToPreferredUsernameThenSubject() throws IOException {
		ApiClient bob = this.api.withToken(issuer.token("sub-bob", Map.of("preferred_username", "bob")));
		String uuid = bob.uploadOk(TestFits.write(home.resolve("bob.fits"), 200, 1), "bob.fits");
		assertThat(this.files.findOwned(uuid, "bob")).isPresent();
		ApiClient subject = this.api.withToken(issuer.token("sub-only", Map.of()));
		String other = subject.uploadOk(TestFits.write(home.resolve("sub.fits"), 200, 1), "sub.fits");
		assertThat(this.files.findOwned(other, "sub-only")).isPresent();
	}

	@Test
	void refusesATokenThatNamesTheServicesOwnWarmUpUser() {
		HttpResponse<String> response = this.api
			.withToken(issuer.token("sub-x", Map.of("preferred_username", WarmUpOwner.NAME)))
			.get("/fileids");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(ApiClient.json(response).get("status").asString()).startsWith("Invalid bearer token")
			.contains(WarmUpOwner.NAME);
		assertThat(this.files.findByOwner(WarmUpOwner.NAME, null, 10, (file) -> true).items()).isEmpty();
	}

	@Test
	void answersWithSecurityHeadersAndKeepsSensitiveActuatorEndpointsOffTheApiPort() {
		HttpResponse<String> response = this.api.withToken(issuer.token(ALICE)).get("/apps");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Content-Security-Policy")).get()
			.asString()
			.contains("default-src 'none'");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		ApiClient actuator = new ApiClient(this.port, "/actuator");
		assertThat(actuator.get("/health").statusCode()).isEqualTo(200);
		assertThat(actuator.get("/prometheus").statusCode()).isIn(401, 403);
		assertThat(actuator.withToken(issuer.adminToken("carol@example.org")).get("/prometheus").statusCode())
			.isEqualTo(403);
	}

	@Test
	void refusesOversizedJobRequestsWith413() {
		String body = "{\"app\":\"testapp\",\"tag\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
		HttpResponse<String> response = this.api.withToken(issuer.token(ALICE)).postJson("/job", body);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(ApiClient.json(response).get("status").asString()).contains("too large");
	}

	private static java.util.List<Path> regularFilesUnder(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return java.util.List.of();
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			return paths.filter(Files::isRegularFile).toList();
		}
	}

}
