package io.caesarrest.api.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings; the issuer itself is Spring's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or
 * {@code ...opaquetoken.introspection-uri} for opaque tokens).
 *
 * @param enabled whether every API call needs a bearer token; off, every caller is
 * {@code anonymous}
 * @param userClaim the claim that names the user
 * @param fallbackClaims claims tried in order when {@code userClaim} is absent
 * @param audience accepted audiences; a token must name one of them, unless empty
 * @param adminClaim the claim (a dotted path such as {@code realm_access.roles} reaches
 * into nested claims) whose values give the admin role; none if empty
 * @param adminValues values of {@code adminClaim} that make a caller admin
 * @param clockSkew tolerated clock difference with the issuer for {@code exp} and
 * {@code nbf}
 */
@ConfigurationProperties("caesar.auth")
public record AuthProperties(@DefaultValue("false") boolean enabled, @DefaultValue("email") String userClaim,
		@DefaultValue( {
				"preferred_username", "sub" }) List<String> fallbackClaims,
		List<String> audience, String adminClaim, List<String> adminValues, @DefaultValue("60s") Duration clockSkew){

	public AuthProperties {
		audience = (audience != null) ? List.copyOf(audience) : List.of();
		adminValues = (adminValues != null) ? List.copyOf(adminValues) : List.of();
		if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
			throw new IllegalArgumentException("caesar.auth.clock-skew must be between 0 and 5m, got " + clockSkew);
		}
	}

}
