package io.caesarrest.api.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web UI; none is a secret, since the page is a public OIDC client (the
 * authorization code flow with PKCE).
 *
 * @param clientId the OIDC client the page logs in as; a public client whose redirect
 * URIs include the service's {@code /} (e.g. {@code https://caesar.example.org/})
 * @param issuer the OIDC issuer the page logs in with; unset, the resource server's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * @param scopes the scopes the page asks for
 */
@ConfigurationProperties("caesar.ui")
public record UiProperties(@DefaultValue("caesar-ui") String clientId, @Nullable String issuer, @DefaultValue( {
		"openid", "profile", "email" }) List<String> scopes){

	public UiProperties {
		scopes = List.copyOf(scopes);
	}

}
