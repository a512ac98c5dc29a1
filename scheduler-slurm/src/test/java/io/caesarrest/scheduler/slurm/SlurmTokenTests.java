package io.caesarrest.scheduler.slurm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tokens signed with the cluster's key, as slurmctld's auth/jwt verifies them.
 */
class SlurmTokenTests {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	@TempDir
	Path dir;

	@Test
	void signsHs256WithUserIssuedAndExpiry() throws Exception {
		byte[] key = "0123456789abcdef0123456789abcdef".getBytes();
		SlurmToken token = SlurmToken.signed("caesar", Files.write(this.dir.resolve("jwt_hs256.key"), key),
				Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));
		SignedJWT jwt = SignedJWT.parse(token.current());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
		assertThat(jwt.verify(new MACVerifier(key))).isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getStringClaim("sun")).isEqualTo("caesar");
		assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
		assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(1))));
		// Slurm wants whole seconds
		assertThat(jwt.getPayload().toJSONObject().get("exp")).isEqualTo(NOW.getEpochSecond() + 3600);
	}

	@Test
	void renewsTheTokenBeforeItExpires() throws Exception {
		MutableClock clock = new MutableClock(NOW);
		SlurmToken token = SlurmToken.signed("caesar",
				Files.write(this.dir.resolve("key"), "0123456789abcdef0123456789abcdef".getBytes()),
				Duration.ofHours(1), clock);
		String first = token.current();
		clock.now = NOW.plus(Duration.ofMinutes(30));
		assertThat(token.current()).isEqualTo(first);
		clock.now = NOW.plus(Duration.ofMinutes(50));
		String renewed = token.current();
		assertThat(renewed).isNotEqualTo(first);
		assertThat(SignedJWT.parse(renewed).getJWTClaimsSet().getExpirationTime())
			.isEqualTo(Date.from(clock.now.plus(Duration.ofHours(1))));
	}

	@Test
	void rejectsAKeyTooShortForHs256() throws Exception {
		Path key = Files.write(this.dir.resolve("short"), "short".getBytes());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SlurmToken.signed("caesar", key, Duration.ofHours(1), Clock.systemUTC()));
	}

	@Test
	void passesAStaticTokenAsIs() {
		assertThat(SlurmToken.fixed("abc").current()).isEqualTo("abc");
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
