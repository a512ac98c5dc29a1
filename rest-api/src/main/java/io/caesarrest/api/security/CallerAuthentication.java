package io.caesarrest.api.security;

import java.util.List;
import java.util.Map;

import io.caesarrest.storage.WarmUpOwner;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenAuthenticationConverter;

/**
 * Turns a validated token into the authenticated caller: named by the configured user
 * claim, with the role {@code USER}, plus {@code ADMIN} when the admin claim says so. A
 * token that names no user is refused as invalid.
 */
final class CallerAuthentication
		implements Converter<Jwt, AbstractAuthenticationToken>, OpaqueTokenAuthenticationConverter {

	/** The authority of admins. */
	static final String ADMIN = "ROLE_ADMIN";

	private static final String USER = "ROLE_USER";

	private final TokenClaims claims;

	CallerAuthentication(AuthProperties properties) {
		this.claims = new TokenClaims(properties);
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), user(jwt.getClaims()));
	}

	@Override
	public Authentication convert(String introspectedToken, OAuth2AuthenticatedPrincipal principal) {
		Map<String, Object> attributes = principal.getAttributes();
		List<GrantedAuthority> authorities = authorities(attributes);
		OAuth2AuthenticatedPrincipal caller = new DefaultOAuth2AuthenticatedPrincipal(user(attributes), attributes,
				authorities);
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, introspectedToken,
				principal.getAttribute("iat"), principal.getAttribute("exp"));
		return new BearerTokenAuthentication(caller, token, authorities);
	}

	private String user(Map<String, Object> attributes) {
		String user = this.claims.user(attributes)
			.orElseThrow(() -> new InvalidBearerTokenException(
					"The token names no user: none of the claims " + this.claims.userClaimNames() + " is set"));
		if (WarmUpOwner.is(user)) {
			throw new InvalidBearerTokenException("The token names the service's own user " + user);
		}
		return user;
	}

	private List<GrantedAuthority> authorities(Map<String, Object> attributes) {
		return this.claims.isAdmin(attributes)
				? List.of(new SimpleGrantedAuthority(USER), new SimpleGrantedAuthority(ADMIN))
				: List.of(new SimpleGrantedAuthority(USER));
	}

}
