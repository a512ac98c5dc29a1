package io.caesarrest.api.security;

import java.net.InetAddress;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import io.caesarrest.api.TestApps;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OIDC issuer over HTTP on loopback (mock-oauth2-server: discovery document, JWKS,
 * RS256 tokens), and the bad tokens the service must refuse.
 */
public final class TokenIssuer implements AutoCloseable {

	/** The audience the service under test is configured to accept. */
	public static final String AUDIENCE = "caesar-rest";

	private static final String ISSUER_ID = "caesar";

	private final MockOAuth2Server server = new MockOAuth2Server();

	public TokenIssuer() {
		try {
			this.server.start(InetAddress.getLoopbackAddress(), 0);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("mock OIDC issuer did not start", ex);
		}
	}

	/**
	 * The issuer URI, for {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
	 */
	public String issuerUri() {
		return this.server.issuerUrl(ISSUER_ID).toString();
	}

	/**
	 * Registers what a test service with authentication on needs: its home, the test
	 * apps, auth on and this issuer.
	 * @param registry the test's property registry
	 * @param home the service's home directory
	 */
	public void register(DynamicPropertyRegistry registry, Path home) {
		registry.add("caesar.home", home::toString);
		registry.add("caesar.apps.dir", TestApps::dir);
		registry.add("caesar.auth.enabled", () -> "true");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", this::issuerUri);
	}

	/** The issuer's token introspection endpoint (RFC 7662). */
	public String introspectionUri() {
		return this.server.url(ISSUER_ID + "/introspect").toString();
	}

	/** A valid token naming the user by {@code email}. */
	public String token(String email) {
		return token(email, Map.of("email", email));
	}

	/** A valid token for a subject with the given claims. */
	public String token(String subject, Map<String, Object> claims) {
		return issue(ISSUER_ID, subject, List.of(AUDIENCE), claims, 3600);
	}

	/** A valid token of an admin ({@code groups} holds {@code caesar-admins}). */
	public String adminToken(String email) {
		return token(email, Map.of("email", email, "groups", List.of("users", "caesar-admins")));
	}

	/** A token that expired an hour ago, from the right issuer and key. */
	public String expiredToken(String email) {
		return issue(ISSUER_ID, email, List.of(AUDIENCE), Map.of("email", email), -3600);
	}

	/** A token for another audience. */
	public String otherAudienceToken(String email) {
		return issue(ISSUER_ID, email, List.of("someone-else"), Map.of("email", email), 3600);
	}

	/** A token of another issuer on the same server (same keys, other {@code iss}). */
	public String otherIssuerToken(String email) {
		return issue("elsewhere", email, List.of(AUDIENCE), Map.of("email", email), 3600);
	}

	/**
	 * A token with the claims and the key id of a valid one, signed with another RSA key.
	 */
	public String forgedToken(String email) {
		try {
			SignedJWT genuine = SignedJWT.parse(token(email));
			RSAKey other = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
			SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID())
				.type(genuine.getHeader().getType())
				.build(), JWTClaimsSet.parse(genuine.getJWTClaimsSet().toJSONObject()));
			forged.sign(new RSASSASigner(other));
			return forged.serialize();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String issue(String issuerId, String subject, List<String> audience, Map<String, Object> claims,
			long expirySeconds) {
		return this.server
			.issueToken(issuerId, "caesar-cli",
					new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", audience, claims, expirySeconds))
			.serialize();
	}

	@Override
	public void close() {
		this.server.shutdown();
	}

}
