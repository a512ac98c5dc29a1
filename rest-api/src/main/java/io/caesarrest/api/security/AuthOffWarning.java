package io.caesarrest.api.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when authentication is off and the service listens beyond loopback,
 * where anyone who reaches the port can read, change and delete everything.
 */
@Component
class AuthOffWarning implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(AuthOffWarning.class);

	private final AuthProperties auth;

	private final Environment environment;

	AuthOffWarning(AuthProperties auth, Environment environment) {
		this.auth = auth;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (this.auth.enabled() || event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		String address = this.environment.getProperty("server.address");
		if (!isLoopback(address)) {
			log.warn(
					"Authentication is OFF (caesar.auth.enabled=false) and the service listens on {} port {}: "
							+ "anyone who reaches it acts as the one user 'anonymous' and can read, change and delete "
							+ "all data. Set caesar.auth.enabled=true with an issuer, or server.address=127.0.0.1.",
					(address != null) ? address : "all interfaces", event.getWebServer().getPort());
		}
	}

	static boolean isLoopback(String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
