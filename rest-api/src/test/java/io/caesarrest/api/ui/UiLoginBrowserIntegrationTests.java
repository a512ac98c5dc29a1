package io.caesarrest.api.ui;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.caesarrest.api.ApiClient;
import io.caesarrest.api.TestApps;
import io.caesarrest.api.TestFits;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI with authentication on, in a real headless Chromium: the page logs in with
 * the authorization code flow and PKCE at a real OIDC issuer over HTTP
 * (mock-oauth2-server with its interactive login page), works as the logged-in user, and
 * logs out.
 */
@EnabledIf(value = "io.caesarrest.api.ui.Browser#installed", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UiLoginBrowserIntegrationTests {

	static final String ISSUER_ID = "caesar";

	static final MockOAuth2Server issuer = new MockOAuth2Server(
			OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));

	static {
		issuer.start(InetAddress.getLoopbackAddress(), 0);
	}

	@TempDir
	static Path home;

	static Browser browser;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("caesar.home", () -> home.toString());
		registry.add("caesar.apps.dir", TestApps::dir);
		registry.add("caesar.auth.enabled", () -> "true");
		registry.add("caesar.ui.client-id", () -> "caesar-ui-test");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
				() -> issuer.issuerUrl(ISSUER_ID).toString());
	}

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = Browser.start();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
		issuer.shutdown();
	}

	@Test
	void logsInWithPkceWorksAsTheUserAndLogsOut() throws IOException {
		ApiClient anonymous = new ApiClient(this.port);
		JsonNode config = ApiClient.json(new ApiClient(this.port, "").get("/ui/config"));
		assertThat(config.get("auth").get("client_id").asString()).isEqualTo("caesar-ui-test");
		assertThat(anonymous.get("/files").statusCode()).isEqualTo(401);
		ApiClient site = new ApiClient(this.port, "");
		for (String resource : List.of("/", "/ui/main.js", "/ui/style.css")) {
			assertThat(site.get(resource).statusCode()).as(resource).isEqualTo(200);
		}
		String issuerOrigin = issuer.baseUrl().toString().replaceAll("/$", "");
		assertThat(site.get("/").headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("script-src 'self'")
			.contains("connect-src 'self' " + issuerOrigin)
			.contains("frame-ancestors 'none'");
		assertThat(site.get("/actuator/metrics").statusCode()).isIn(401, 403);

		browser.open("http://127.0.0.1:" + this.port + "/#/files");
		browser.click(".login button.primary");

		// the issuer's own login page
		browser.find("input[name=username]").sendKeys("alice");
		browser.find("textarea[name=claims]").sendKeys("{\"email\": \"alice@example.org\"}");
		browser.click("input[type=submit]");

		assertThat(browser.find("#account .user").getText()).isEqualTo("alice@example.org");
		assertThat(browser.driver.getCurrentUrl()).endsWith("/#/files").doesNotContain("code=");
		Path fits = TestFits.write(home.resolve("mine.fits"), 2880, 5);
		browser.present("#file-input").sendKeys(fits.toString());
		browser.find(".upload.done");
		String uuid = browser.find("#files-table tbody tr[data-uuid]").getAttribute("data-uuid");

		// a download needs the token too: the page fetches it and saves it from memory
		browser.click("#files-table tbody tr[data-uuid] td.actions button");
		Path saved = browser.downloads.resolve("mine.fits");
		browser.await((d) -> Files.exists(saved) && !Files.exists(Path.of(saved + ".crdownload")));
		assertThat(saved).hasSameBinaryContentAs(fits);

		ApiClient alice = anonymous.withToken(token("alice", "alice@example.org"));
		ApiClient bob = anonymous.withToken(token("bob", "bob@example.org"));
		assertThat(ApiClient.json(alice.get("/fileids")).get("file_ids").get(0).asString()).isEqualTo(uuid);
		assertThat(ApiClient.json(bob.get("/fileids")).get("file_ids").size()).isZero();
		List<String> seen = issuerRequests();
		assertThat(seen).anySatisfy((r) -> assertThat(r).contains("/authorize?")
			.contains("code_challenge_method=S256")
			.contains("client_id=caesar-ui-test"));
		assertThat(seen).anySatisfy((r) -> assertThat(r).contains("/token ")
			.contains("grant_type=authorization_code")
			.contains("code_verifier="));

		browser.click("#account button");
		browser.find(".login button.primary");
		assertThat(browser.script("return sessionStorage.getItem('caesar.tokens')")).isNull();
	}

	/** The requests the issuer received so far, as "url body". */
	private static List<String> issuerRequests() {
		List<String> requests = new ArrayList<>();
		for (;;) {
			RecordedRequest r;
			try {
				r = issuer.takeRequest(1, TimeUnit.SECONDS);
			}
			catch (RuntimeException ex) {
				// the issuer's way of saying that no request is left
				return requests;
			}
			requests.add(r.getRequestUrl() + " " + r.getBody().readUtf8());
		}
	}

	private static String token(String subject, String email) {
		return issuer
			.issueToken(ISSUER_ID, "caesar-cli",
					new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of("caesar-rest"),
							Map.of("email", email), 3600))
			.serialize();
	}

}
