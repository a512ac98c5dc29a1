package io.caesarrest.api.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import io.caesarrest.api.security.AuthProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * Tells the page where the API is and, when authentication is on, how to log in.
 */
@RestController
class UiConfigController {

	private final UiProperties ui;

	private final AuthProperties auth;

	private final UiIssuer issuer;

	UiConfigController(UiProperties ui, AuthProperties auth, UiIssuer issuer) {
		this.ui = ui;
		this.auth = auth;
		this.issuer = issuer;
	}

	@GetMapping("/ui/config")
	Map<String, Object> config() {
		Map<String, Object> login = new LinkedHashMap<>();
		login.put("enabled", this.auth.enabled());
		if (this.auth.enabled()) {
			login.put("issuer", this.issuer.uri());
			login.put("client_id", this.ui.clientId());
			login.put("scopes", String.join(" ", this.ui.scopes()));
		}
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("api", API);
		config.put("auth", login);
		return config;
	}

}
