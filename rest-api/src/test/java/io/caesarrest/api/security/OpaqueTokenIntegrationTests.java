package io.caesarrest.api.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.caesarrest.api.ApiClient;
import io.caesarrest.api.TestApps;
import io.caesarrest.api.TestFits;
import io.caesarrest.file.DataFileRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens checked by the issuer's introspection endpoint instead of as JWTs: an active
 * token names its user by the same claims; an unknown one is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpaqueTokenIntegrationTests {

	static final TokenIssuer issuer = new TokenIssuer();

	@TempDir
	static Path home;

	@LocalServerPort
	int port;

	@Autowired
	DataFileRepository files;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("caesar.home", () -> home.toString());
		registry.add("caesar.apps.dir", TestApps::dir);
		registry.add("caesar.auth.enabled", () -> "true");
		registry.add("spring.security.oauth2.resourceserver.opaquetoken.introspection-uri", issuer::introspectionUri);
		registry.add("spring.security.oauth2.resourceserver.opaquetoken.client-id", () -> "caesar-rest");
		registry.add("spring.security.oauth2.resourceserver.opaquetoken.client-secret", () -> "secret");
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@Test
	void acceptsActiveTokensAndRefusesOthers() throws IOException {
		ApiClient api = new ApiClient(this.port);
		ApiClient alice = api.withToken(issuer.token("alice@example.org"));
		String uuid = alice.uploadOk(TestFits.write(home.resolve("o.fits"), 100, 1), "o.fits");
		assertThat(this.files.findOwned(uuid, "alice@example.org")).isPresent();
		HttpResponse<String> refused = api.withToken("not-a-token-the-issuer-knows").get("/fileids");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(api.get("/fileids").statusCode()).isEqualTo(401);
	}

}
