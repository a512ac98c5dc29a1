package io.caesarrest.api.ui;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The OIDC issuer the page logs in with: the UI's own setting, else the resource
 * server's.
 */
@Component
class UiIssuer {

	private final @Nullable String uri;

	UiIssuer(UiProperties ui, Environment environment) {
		String uri = (ui.issuer() != null) ? ui.issuer()
				: environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
		this.uri = (uri != null && !uri.isBlank()) ? uri.strip() : null;
	}

	/** The issuer URI, or null when none is configured. */
	@Nullable String uri() {
		return this.uri;
	}

	/** The issuer's origin ({@code https://host:port}) for the page's CSP, or null. */
	@Nullable String origin() {
		if (this.uri == null) {
			return null;
		}
		URI parsed = URI.create(this.uri);
		return parsed.getScheme() + "://" + parsed.getRawAuthority();
	}

}
