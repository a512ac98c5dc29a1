package io.caesarrest.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import io.caesarrest.job.JobState;
import io.caesarrest.storage.Ids;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The compose deployment from a clean state, built from this source tree on the local
 * Docker daemon: the two compose files (the embedded store in a container of its own
 * instead of MongoDB, whose image cannot be pulled here) up with {@code --build}, then an
 * sfinder job (native, in the job monitor) and a sextractor job (in a container of its
 * own) through nginx, and a 2 GB upload streamed through nginx. Skipped, and said so,
 * without a Docker daemon, docker-compose or the base image.
 */
class ComposeDeploymentIntegrationTests {

	private static final String BASE_IMAGE = System.getenv().getOrDefault("BASE_IMAGE", "local/debian:bookworm");

	private static final String TAG = "it";

	private static Path compose;

	private static Path home;

	private static String project;

	private static Map<String, String> environment;

	private static ApiClient api;

	private static int port;

	@BeforeAll
	static void up() throws Exception {
		assumeTrue(run(List.of("docker", "info"), Map.of(), Duration.ofSeconds(30)).exitCode() == 0,
				"No Docker daemon: the compose deployment test is skipped");
		assumeTrue(run(List.of("docker-compose", "version"), Map.of(), Duration.ofSeconds(30)).exitCode() == 0,
				"No docker-compose: the compose deployment test is skipped");
		assumeTrue(
				run(List.of("docker", "image", "inspect", BASE_IMAGE), Map.of(), Duration.ofSeconds(30))
					.exitCode() == 0,
				"No base image " + BASE_IMAGE + " (deploy/docker/build-base-image.sh makes it): "
						+ "the compose deployment test is skipped");
		compose = Path.of(System.getProperty("caesar.test.project-dir", "..")).resolve("deploy/compose").normalize();
		project = "caesar-it-" + Ids.newId().substring(0, 8);
		home = Files.createDirectories(Path.of("/tmp", project));
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
		port = freePort();
		environment = new HashMap<>(Map.of("BASE_IMAGE", BASE_IMAGE, "CAESAR_VERSION", TAG, "CAESAR_HOME",
				home.toString(), "CAESAR_HTTP_PORT", Integer.toString(port), "CAESAR_HTTPS_PORT",
				Integer.toString(freePort()), "CAESAR_TLS_DIR", home.resolve("tls").toString()));
		environment.put("EXTRA_CA_CERTS", extraCaCertificates());
		Result up = compose(List.of("up", "-d", "--build"), Duration.ofMinutes(30));
		assertThat(up.exitCode()).as(up.output()).isZero();
		api = new ApiClient(port);
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> api.get("/apps").statusCode() == 200);
	}

	@AfterAll
	static void down() throws IOException {
		if (project == null || environment == null) {
			return;
		}
		Result logs = compose(List.of("logs", "--no-color", "--tail", "300"), Duration.ofMinutes(1));
		Files.writeString(Path.of("target", project + ".log"), logs.output());
		compose(List.of("down", "--volumes", "--remove-orphans"), Duration.ofMinutes(3));
		run(List.of("rm", "-rf", home.toString()), Map.of(), Duration.ofMinutes(2));
	}

	@Test
	void runsTheBuiltInFinderAndSextractorInItsOwnContainerThroughNginx() throws Exception {
		JsonNode apps = ApiClient.json(api.get("/apps"));
		assertThat(apps.toString()).contains("sfinder", "sextractor");
		Path sky = home.resolve("sky.fits");
		SkySimulator.simulate(SimulationOptions.defaults(256, 7), sky, home.resolve("sky.csv"), 1);
		String file = api.uploadOk(sky, "sky.fits");
		// the daemon keeps only its last 256 events for a later query, and health checks
		// fill that quickly: follow the job containers' starts live from before the
		// submit
		Path started = home.resolve("container-starts.txt");
		Process follower = new ProcessBuilder("docker", "events", "--since",
				Long.toString(Instant.now().getEpochSecond() - 5), "--filter", "event=start", "--filter",
				"label=io.caesar-rest.job-id", "--format",
				"{{index .Actor.Attributes \"io.caesar-rest.job-id\"}} {{.Actor.Attributes.image}}")
			.redirectErrorStream(true)
			.redirectOutput(started.toFile())
			.start();
		try {
			String sfinder = api.submitOk("""
					{"app":"sfinder","data_inputs":{"data":"%s"},"job_options":{"nthreads":1}}""".formatted(file));
			String sextractor = api.submitOk("""
					{"app":"sextractor","data_inputs":"%s","job_options":{"detect-thresh":5}}""".formatted(file));
			assertThat(api.awaitState(sfinder, Duration.ofMinutes(3), JobState.SUCCESS, JobState.FAILURE)
				.get("state")
				.asString()).isEqualTo("SUCCESS");
			JsonNode status = api.awaitState(sextractor, Duration.ofMinutes(3), JobState.SUCCESS, JobState.FAILURE);
			assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("SUCCESS");
			assertThat(ApiClient.json(api.get("/job/" + sfinder + "/sources")).get("sources").size()).isPositive();
			String catalog = archiveEntry(sextractor, "catalog-sextractor.dat");
			assertThat(catalog.lines().filter((line) -> !line.startsWith("#"))).isNotEmpty();
			// the sextractor job ran in a container of the app's image, labelled with its
			// id
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(Files.readAllLines(started))
					.contains(sextractor + " caesar-rest/sextractor-job:" + TAG));
			// and its container is gone after the end
			Result left = run(
					List.of("docker", "ps", "-a", "-q", "--filter", "label=io.caesar-rest.job-id=" + sextractor),
					Map.of(), Duration.ofSeconds(30));
			assertThat(left.output().trim()).isEmpty();
		}
		finally {
			follower.destroy();
		}
	}

	@Test
	void streamsATwoGigabyteUploadThroughNginx() throws Exception {
		long dataBytes = 2_000_000_000L;
		MessageDigest sent = MessageDigest.getInstance("SHA-256");
		HttpResponse<String> upload = api.upload(
				() -> BodyPublishers.ofInputStream(() -> new DigestInputStream(
						new SequenceInputStream(new java.io.ByteArrayInputStream(TestFits.header(dataBytes)),
								new ServiceProcessIntegrationTests.PatternStream(dataBytes)),
						sent)),
				"huge.fits", Map.of());
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
		JsonNode body = ApiClient.json(upload);
		assertThat(body.get("bytes").asLong()).isEqualTo(2880 + dataBytes);
		assertThat(body.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(sent.digest()));
		// a body larger than the limit (plus the framing allowance) is refused by nginx
		// at
		// once, from its announced length, before it reaches the service
		try (Socket socket = new Socket("127.0.0.1", port)) {
			long tooLarge = 2L * 1024 * 1024 * 1024 + 1024 * 1024 + 1;
			socket.getOutputStream()
				.write(("POST /caesar/api/v1.0/upload HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + tooLarge
						+ "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			assertThat(statusLine).contains(" 413 ");
		}
	}

	private static String archiveEntry(String jobId, String name) throws IOException {
		HttpResponse<InputStream> output = api.getStream("/job/" + jobId + "/output");
		assertThat(output.statusCode()).isEqualTo(200);
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(output.body()))) {
			TarArchiveEntry entry;
			List<String> names = new ArrayList<>();
			while ((entry = tar.getNextEntry()) != null) {
				names.add(entry.getName());
				if (entry.getName().endsWith(name)) {
					return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			throw new AssertionError(name + " not in the archive: " + names);
		}
	}

	private static String extraCaCertificates() throws IOException {
		Path dir = Path.of("/usr/local/share/ca-certificates");
		if (!Files.isDirectory(dir)) {
			return "";
		}
		StringBuilder pem = new StringBuilder();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".crt")).sorted().toList()) {
				pem.append(Files.readString(file)).append('\n');
			}
		}
		return pem.toString();
	}

	private static Result compose(List<String> arguments, Duration timeout) {
		List<String> command = new ArrayList<>(
				List.of("docker-compose", "-p", project, "-f", compose.resolve("compose.yaml").toString(), "-f",
						compose.resolve("compose.embedded-store.yaml").toString()));
		command.addAll(arguments);
		return run(command, environment, timeout);
	}

	private static Result run(List<String> command, Map<String, String> env, Duration timeout) {
		try {
			Path output = Files.createTempFile("caesar-it", ".out");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().putAll(env);
			Process process = builder.start();
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			String text = Files.readString(output);
			Files.delete(output);
			return new Result(process.isAlive() ? -1 : process.exitValue(), text);
		}
		catch (IOException ex) {
			return new Result(-1, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, "interrupted");
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private record Result(int exitCode, String output) {

	}

}
