package io.caesarrest.webhook;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.env.Environment;

/**
 * Decides whether a callback URL may be posted to: http or https, a host of the allowed
 * list (when one is set) that resolves, and never a link-local address (cloud metadata
 * services live there) nor this service's own ports on a local address (its management
 * endpoints). Checked when a job is submitted and again, with a fresh resolution, before
 * each delivery.
 */
public class CallbackTargets {

	private static final int MAX_LENGTH = 2048;

	private final WebhookProperties properties;

	private final Environment environment;

	public CallbackTargets(WebhookProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	/**
	 * Checks a callback URL.
	 * @param url the URL
	 * @return the URL, checked
	 * @throws InvalidCallbackUrlException with the reason if it is refused
	 */
	public URI check(String url) {
		if (!this.properties.enabled()) {
			throw new InvalidCallbackUrlException(
					"callback_url refused: webhooks are not enabled on this service (caesar.webhooks.secret is not set)");
		}
		URI uri = parse(url);
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (!isAllowedHost(host)) {
			throw refused(url, "host " + host + " is not in the allowed hosts " + this.properties.allowedHosts());
		}
		for (InetAddress address : resolve(url, host)) {
			checkAddress(url, address, port(uri));
		}
		return uri;
	}

	/**
	 * Whether an address resolved for a delivery may be connected to.
	 * @param address the address
	 * @return false for link-local and wildcard addresses
	 */
	public static boolean isReachable(InetAddress address) {
		return !address.isLinkLocalAddress() && !address.isAnyLocalAddress();
	}

	private static URI parse(String url) {
		if (url.length() > MAX_LENGTH) {
			throw refused(url.substring(0, 64) + "…", "longer than " + MAX_LENGTH + " characters");
		}
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw refused(url, "only http and https URLs are accepted");
			}
			if (uri.getHost() == null || uri.getHost().isBlank()) {
				throw refused(url, "no host");
			}
			if (uri.getRawUserInfo() != null) {
				throw refused(url, "credentials in the URL are not accepted");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw refused(url, "not a valid URL (" + ex.getReason() + ")");
		}
	}

	private boolean isAllowedHost(String host) {
		List<String> allowed = this.properties.allowedHosts();
		if (allowed.isEmpty()) {
			return true;
		}
		for (String pattern : allowed) {
			String entry = pattern.trim().toLowerCase(Locale.ROOT);
			if (entry.equals(host) || (entry.startsWith("*.") && host.endsWith(entry.substring(1)))) {
				return true;
			}
		}
		return false;
	}

	private static InetAddress[] resolve(String url, String host) {
		try {
			return InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
		}
		catch (UnknownHostException ex) {
			throw refused(url, "host " + host + " cannot be resolved");
		}
	}

	private void checkAddress(String url, InetAddress address, int port) {
		if (!isReachable(address)) {
			throw refused(url, "link-local and wildcard addresses are not allowed (" + address.getHostAddress() + ")");
		}
		if (isLocal(address) && ownPorts().contains(port)) {
			throw refused(url, "this service's own port " + port + " is not allowed");
		}
	}

	private static boolean isLocal(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return true;
		}
		try {
			return NetworkInterface.getByInetAddress(address) != null;
		}
		catch (SocketException ex) {
			return false;
		}
	}

	/** The ports this process listens on: the API's and the management port. */
	private Set<Integer> ownPorts() {
		Set<Integer> ports = new HashSet<>();
		for (String name : List.of("local.server.port", "local.management.port", "server.port",
				"management.server.port")) {
			Integer port = this.environment.getProperty(name, Integer.class);
			if (port != null && port > 0) {
				ports.add(port);
			}
		}
		return ports;
	}

	private static int port(URI uri) {
		if (uri.getPort() > 0) {
			return uri.getPort();
		}
		return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
	}

	private static InvalidCallbackUrlException refused(String url, String reason) {
		return new InvalidCallbackUrlException("callback_url " + url + " refused: " + reason);
	}

}
