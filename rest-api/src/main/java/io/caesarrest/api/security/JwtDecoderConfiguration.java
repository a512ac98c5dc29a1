package io.caesarrest.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The JWT decoder of the resource server: signing keys discovered from the issuer's
 * OpenID configuration (its JWKS, fetched again when a token names an unknown key, so
 * rotated keys are picked up), then issuer, expiry (required, with the configured clock
 * skew) and, if configured, audience checks. The issuer is first contacted on the first
 * token, so the service starts while the issuer is down.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "caesar.auth.enabled", havingValue = "true")
class JwtDecoderConfiguration {

	@Bean
	@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
	JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, AuthProperties auth) {
		String issuer = resourceServer.getJwt().getIssuerUri();
		String jwkSetUri = resourceServer.getJwt().getJwkSetUri();
		OAuth2TokenValidator<Jwt> validator = validator(issuer, auth);
		return new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = (jwkSetUri != null) ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build()
					: NimbusJwtDecoder.withIssuerLocation(issuer).build();
			decoder.setJwtValidator(validator);
			return decoder;
		});
	}

	static OAuth2TokenValidator<Jwt> validator(String issuer, AuthProperties auth) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(auth.clockSkew());
		timestamps.setAllowEmptyExpiryClaim(false);
		validators.add(timestamps);
		validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
		validators.add(new JwtIssuerValidator(issuer));
		if (!auth.audience().isEmpty()) {
			validators
				.add(new JwtClaimValidator<Object>(JwtClaimNames.AUD, (aud) -> hasAudience(aud, auth.audience())));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	private static boolean hasAudience(Object aud, List<String> accepted) {
		if (aud instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).anyMatch(accepted::contains);
		}
		return aud != null && accepted.contains(String.valueOf(aud));
	}

}
