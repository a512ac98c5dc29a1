package io.caesarrest.api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.caesarrest.api.security.TokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Awaitility.await;

/**
 * End to end with a real Keycloak: the service jar started with
 * {@code --caesar.auth.enabled=true} and Keycloak's realm as issuer, tokens from the
 * password grant, the README's curl flow, two users kept apart, the admin role from a
 * realm role, and forged and foreign tokens refused. Keycloak is started once for the
 * class. Run by failsafe after the jar is packaged and Keycloak unpacked.
 */
class KeycloakIntegrationTests {

	@TempDir
	static Path home;

	static KeycloakServer keycloak;

	static ServiceProcess service;

	@BeforeAll
	static void start() throws IOException {
		Path logs = Files.createDirectories(home.resolve("logs"));
		keycloak = KeycloakServer.start(logs.resolve("keycloak.log"), ServiceProcess.freePort());
		service = ServiceProcess.startJar(ServiceProcess.jar("caesar.test.rest-api-jar"), logs.resolve("service.log"),
				"/actuator/health", "--caesar.home=" + home.resolve("caesar"), "--caesar.auth.enabled=true",
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuerUri(),
				"--caesar.auth.audience=caesar-rest", "--caesar.auth.admin-claim=realm_access.roles",
				"--caesar.auth.admin-values=caesar-admin", "--caesar.auth.clock-skew=1s", "--server.address=127.0.0.1");
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (service != null) {
			service.close();
		}
		if (keycloak != null) {
			keycloak.close();
		}
	}

	@Test
	void readmeCurlFlowRunsWithAKeycloakTokenAndOtherUsersSeeNothingOfIt() throws Exception {
		Map<String, String> result = runReadmeFlow("alice", "alice-secret");
		assertThat(result).containsEntry("STATE", "SUCCESS").containsEntry("NOAUTH", "401");
		String file = result.get("FILE");
		String job = result.get("JOB");

		ApiClient alice = service.api().withToken(keycloak.token("alice", "alice-secret"));
		ApiClient bob = service.api().withToken(keycloak.token("bob", "bob-secret"));
		assertThat(ApiClient.json(alice.get("/fileids")).get("file_ids").valueStream().map(JsonNode::asString))
			.contains(file);
		assertThat(ApiClient.json(bob.get("/fileids")).get("file_ids")).isEmpty();
		for (String path : List.of("/download/" + file, "/delete/" + file, "/job/" + job + "/status",
				"/job/" + job + "/output", "/job/" + job + "/sources", "/job/" + job + "/cancel")) {
			assertThat(bob.get(path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(alice.get("/download/" + file).statusCode()).isEqualTo(200);
		assertThat(alice.status(job).get("state").asString()).isEqualTo("SUCCESS");
		assertThat(Files.isDirectory(home.resolve("caesar/data/alice_40example_2eorg"))).isTrue();
	}

	@Test
	void adminRoleComesFromTheRealmRole() {
		ApiClient carol = service.api().withToken(keycloak.token("carol", "carol-secret"));
		ApiClient bob = service.api().withToken(keycloak.token("bob", "bob-secret"));
		assertThat(carol.get("/appstats").statusCode()).isEqualTo(200);
		assertThat(bob.get("/appstats").statusCode()).isEqualTo(403);
		assertThat(carol.get("/accounting?user=bob@example.org").statusCode()).isEqualTo(200);
		assertThat(bob.get("/accounting?user=carol@example.org").statusCode()).isEqualTo(404);
	}

	@Test
	void refusesForgedAndForeignTokens() throws Exception {
		String genuine = keycloak.token("alice", "alice-secret");
		try (TokenIssuer other = new TokenIssuer()) {
			for (String token : List.of(forge(genuine), other.token("alice@example.org"), genuine + "x")) {
				HttpResponse<String> response = service.api().withToken(token).get("/fileids");
				assertThat(response.statusCode()).isEqualTo(401);
				assertThat(response.headers().firstValue("WWW-Authenticate")).get()
					.asString()
					.contains("invalid_token");
			}
		}
		assertThat(service.api().withToken(genuine).get("/fileids").statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAKeycloakTokenOnceItExpired() {
		ApiClient alice = service.api().withToken(keycloak.token("alice", "alice-secret", "caesar-cli-short"));
		assertThat(alice.get("/fileids").statusCode()).isEqualTo(200);
		HttpResponse<String> expired = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> alice.get("/fileids"), (response) -> response.statusCode() != 200);
		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(ApiClient.json(expired).get("status").asString()).contains("expired");
	}

	/**
	 * The genuine token's header and claims, signed with another key under its key id.
	 */
	private static String forge(String genuine) throws ParseException, JOSEException {
		SignedJWT token = SignedJWT.parse(genuine);
		RSAKey other = new RSAKeyGenerator(2048).keyID(token.getHeader().getKeyID()).generate();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).build(),
				token.getJWTClaimsSet());
		forged.sign(new RSASSASigner(other));
		return forged.serialize();
	}

	private static Map<String, String> runReadmeFlow(String username, String password) throws Exception {
		Path script = Path.of(KeycloakIntegrationTests.class.getResource("/keycloak/readme-auth-flow.sh").toURI());
		ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
		builder.environment()
			.putAll(Map.of("A", "http://127.0.0.1:" + service.port() + "/caesar/api/v1.0", "ISSUER",
					keycloak.issuerUri(), "USERNAME", username, "PASSWORD", password, "JAR",
					ServiceProcess.jar("caesar.test.rest-api-jar").toString()));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		Map<String, String> result = new LinkedHashMap<>();
		output.lines().filter((line) -> line.matches("[A-Z]+=.*")).forEach((line) -> {
			int eq = line.indexOf('=');
			result.put(line.substring(0, eq), line.substring(eq + 1));
		});
		return result;
	}

}
