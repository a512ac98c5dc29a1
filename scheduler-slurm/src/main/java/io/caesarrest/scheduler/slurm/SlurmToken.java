package io.caesarrest.scheduler.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The token slurmrestd authenticates the user with: signed with the cluster's HS256 key
 * ({@code sun}, {@code iat}, {@code exp} claims) and renewed before it expires, or a
 * static one.
 */
final class SlurmToken {

	private final String user;

	private final MACSigner signer;

	private final Duration lifetime;

	private final Clock clock;

	private String token;

	private Instant renewAt = Instant.MIN;

	private SlurmToken(String user, MACSigner signer, String token, Duration lifetime, Clock clock) {
		this.user = user;
		this.signer = signer;
		this.token = token;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	/** Tokens signed with the key in a file. */
	static SlurmToken signed(String user, Path keyFile, Duration lifetime, Clock clock) {
		try {
			return new SlurmToken(user, new MACSigner(Files.readAllBytes(keyFile)), null, lifetime, clock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Slurm JWT key " + keyFile, ex);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("Unusable Slurm JWT key " + keyFile + ": " + ex.getMessage(), ex);
		}
	}

	/** A token given as is. */
	static SlurmToken fixed(String token) {
		return new SlurmToken(null, null, token, null, Clock.systemUTC());
	}

	/** The token to send now. */
	synchronized String current() {
		if (this.signer != null && !this.clock.instant().isBefore(this.renewAt)) {
			Instant now = this.clock.instant();
			this.token = sign(now);
			// renew when a fifth of the lifetime is left, so that no request carries a
			// token
			// about to expire
			this.renewAt = now.plus(this.lifetime.multipliedBy(4).dividedBy(5));
		}
		return this.token;
	}

	private String sign(Instant now) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("sun", this.user)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.lifetime)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a Slurm token", ex);
		}
		return jwt.serialize();
	}

}
