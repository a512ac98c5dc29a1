package io.caesarrest.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser clients: a configured origin passes the CORS preflight without a token and sees
 * the API's answers; any other origin is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorsIntegrationTests {

	static final String PORTAL = "https://portal.example.org";

	static final TokenIssuer issuer = new TokenIssuer();

	@TempDir
	static java.nio.file.Path home;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		issuer.register(registry, home);
		registry.add("caesar.cors.allowed-origins", () -> PORTAL);
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@Test
	void answersTheConfiguredOriginsPreflightAndRefusesOthers() {
		HttpResponse<String> allowed = preflight(PORTAL);
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PORTAL);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers")).get()
			.asString()
			.containsIgnoringCase("authorization");
		assertThat(preflight("https://evil.example.com").statusCode()).isEqualTo(403);
	}

	@Test
	void letsTheConfiguredOriginReadAnswers() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/fileids"))
			.header("Origin", PORTAL)
			.header("Authorization", "Bearer " + issuer.token("alice@example.org"))
			.GET()
			.build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PORTAL);
	}

	private HttpResponse<String> preflight(String origin) {
		return send(HttpRequest.newBuilder(uri("/fileids"))
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "authorization")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + "/caesar/api/v1.0" + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
