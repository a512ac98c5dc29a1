package io.caesarrest.webhook;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallbackTargetsTests {

	private static WebhookProperties properties(String secret, List<String> allowed) {
		return new WebhookProperties(secret, allowed, 8, Duration.ofSeconds(2), Duration.ofMinutes(10),
				Duration.ofSeconds(10), Duration.ofSeconds(2));
	}

	private final CallbackTargets targets = new CallbackTargets(properties("s", List.of()),
			new MockEnvironment().withProperty("local.server.port", "8080")
				.withProperty("management.server.port", "9090"));

	@Test
	void acceptsHttpAndHttpsUrlsOfOtherPorts() {
		assertThat(this.targets.check("http://127.0.0.1:8081/hook")).hasPort(8081);
		assertThat(this.targets.check("https://localhost/hook").getHost()).isEqualTo("localhost");
	}

	@Test
	void refusesLinkLocalWildcardOwnPortsOtherSchemesAndCredentials() {
		for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://[fe80::1]/x", "http://0.0.0.0:81/",
				"http://127.0.0.1:8080/caesar", "http://localhost:9090/actuator", "ftp://example.org/x",
				"file:///etc/passwd", "http://user:pw@127.0.0.1:81/", "nonsense", "http://no-such-host.invalid/")) {
			assertThatExceptionOfType(InvalidCallbackUrlException.class).as(url)
				.isThrownBy(() -> this.targets.check(url))
				.withMessageContaining("callback_url");
		}
	}

	@Test
	void keepsToTheAllowedHosts() {
		CallbackTargets allowed = new CallbackTargets(properties("s", List.of("localhost", "*.example.invalid")),
				new MockEnvironment());
		assertThat(allowed.check("http://localhost:81/").getHost()).isEqualTo("localhost");
		assertThatExceptionOfType(InvalidCallbackUrlException.class)
			.isThrownBy(() -> allowed.check("http://127.0.0.1:81/"))
			.withMessageContaining("allowed hosts");
	}

	@Test
	void refusesEveryUrlWithoutASecret() {
		CallbackTargets off = new CallbackTargets(properties(null, List.of()), new MockEnvironment());
		assertThatExceptionOfType(InvalidCallbackUrlException.class).isThrownBy(() -> off.check("http://127.0.0.1:81/"))
			.withMessageContaining("caesar.webhooks.secret");
	}

	@Test
	void doublesTheBackoffUpToItsMaximum() {
		WebhookProperties webhooks = properties("s", List.of());
		assertThat(webhooks.backoff(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(webhooks.backoff(3)).isEqualTo(Duration.ofSeconds(8));
		assertThat(webhooks.backoff(30)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void signsTheBodyWithHmacSha256() {
		// RFC 4231 test case 2
		assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes()))
			.isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

}
