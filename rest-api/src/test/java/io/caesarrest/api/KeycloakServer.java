package io.caesarrest.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Keycloak (the distribution unpacked by the build) started in development mode on
 * a loopback port with the test realm {@code caesar}: client {@code caesar-cli} (public,
 * password grant, audience {@code caesar-rest}; {@code caesar-cli-short} the same with 15
 * s tokens) and users alice, bob and carol (realm role {@code caesar-admin}).
 */
final class KeycloakServer implements AutoCloseable {

	/** Keycloak's first start builds its server, slowly on two shared cores. */
	private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

	private final Process process;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private KeycloakServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static KeycloakServer start(Path log, int port) throws IOException {
		Path home = Path.of(requiredProperty("caesar.test.keycloak-home"));
		Path javaHome = javaHome(Path.of(requiredProperty("caesar.test.keycloak-java-home")));
		assertThat(home.resolve("bin/kc.sh")).as("Keycloak unpacked by the build (pre-integration-test)")
			.isRegularFile();
		assertThat(javaHome.resolve("bin/java")).as("a JDK 21+ for Keycloak").isRegularFile();
		Path data = home.resolve("data");
		deleteRecursively(data.resolve("h2"));
		Path imports = Files.createDirectories(data.resolve("import"));
		try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/caesar-realm.json")) {
			Files.copy(realm, imports.resolve("caesar-realm.json"), StandardCopyOption.REPLACE_EXISTING);
		}
		ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
				"--import-realm", "--http-host=127.0.0.1", "--http-port=" + port)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("JAVA_HOME", javaHome.toString());
		builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
		KeycloakServer server = new KeycloakServer(builder.start(), port);
		try {
			await().atMost(START_TIMEOUT)
				.pollInterval(Duration.ofSeconds(1))
				.failFast("Keycloak exited; see " + log, () -> !server.process.isAlive())
				.ignoreExceptions()
				.until(() -> server.get(server.issuerUri() + "/.well-known/openid-configuration").statusCode() == 200);
		}
		catch (RuntimeException | Error ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	/** The realm's issuer URI. */
	String issuerUri() {
		return "http://127.0.0.1:" + this.port + "/realms/caesar";
	}

	/** An access token for a user by the password grant, as a script would get it. */
	String token(String username, String password) {
		return token(username, password, "caesar-cli");
	}

	/** An access token of a given client for a user by the password grant. */
	String token(String username, String password, String client) {
		String form = Map.of("grant_type", "password", "client_id", client, "username", username, "password", password)
			.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(issuerUri() + "/protocol/openid-connect/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return ApiClient.json(response).get("access_token").asString();
	}

	private HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		ProcessHandle handle = this.process.toHandle();
		List<ProcessHandle> tree = Stream.concat(handle.descendants(), Stream.of(handle)).toList();
		tree.forEach(ProcessHandle::destroy);
		try {
			this.process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			tree.forEach(ProcessHandle::destroyForcibly);
		}
	}

	/** The configured JDK, else any JDK 21 or newer under {@code /usr/lib/jvm}. */
	private static Path javaHome(Path configured) throws IOException {
		if (Files.isRegularFile(configured.resolve("bin/java")) || !Files.isDirectory(Path.of("/usr/lib/jvm"))) {
			return configured;
		}
		try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
			return jdks.filter((jdk) -> Files.isRegularFile(jdk.resolve("bin/java")) && featureVersion(jdk) >= 21)
				.findFirst()
				.orElse(configured);
		}
	}

	private static int featureVersion(Path jdk) {
		try {
			Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)")
				.matcher(Files.readString(jdk.resolve("release")));
			return version.find() ? Integer.parseInt(version.group(1)) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String requiredProperty(String name) {
		String value = System.getProperty(name);
		assertThat(value).as("system property " + name + " (set by the build)").isNotBlank();
		return value;
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
