package io.caesarrest.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service as a separate JVM, started from the test class path or from its executable
 * jar, so that tests can kill it for real.
 */
final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private ServiceProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static ServiceProcess start(Path home, Path log, List<String> jvmOptions, String... args) {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), CaesarRestApplication.class.getName(),
				"--server.port=" + port, "--caesar.home=" + home, "--caesar.apps.dir=" + TestApps.dir()));
		command.addAll(List.of(args));
		return launch(command, port, log, "/caesar/api/v1.0/apps");
	}

	/**
	 * Starts an executable jar on a free port, e.g. the job monitor or the accounter.
	 * @param jar the jar
	 * @param log the file that receives the output
	 * @param readyPath the path that answers 200 once the service is up
	 * @param args the application's arguments
	 * @return the started service
	 */
	static ServiceProcess startJar(Path jar, Path log, String readyPath, String... args) {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar", jar.toString()));
		command.add("--server.port=" + port);
		command.addAll(List.of(args));
		return launch(command, port, log, readyPath);
	}

	/**
	 * Returns an executable jar the build names in a system property.
	 * @param property the property, e.g. {@code caesar.test.rest-api-jar}
	 * @return the jar
	 */
	static Path jar(String property) {
		String path = System.getProperty(property);
		assertThat(path).as("system property " + property + " (set by the build)").isNotNull();
		assertThat(Path.of(path)).as("run 'package' first").isRegularFile();
		return Path.of(path);
	}

	private static ServiceProcess launch(List<String> command, int port, Path log, String readyPath) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			ServiceProcess service = new ServiceProcess(process, port);
			ApiClient client = new ApiClient(port, "");
			try {
				await().atMost(Duration.ofSeconds(90))
					.pollInterval(Duration.ofMillis(250))
					.failFast("the service exited; see " + log, () -> !process.isAlive())
					.ignoreExceptions()
					.until(() -> client.get(readyPath).statusCode() == 200);
			}
			catch (RuntimeException | Error ex) {
				// a service that never became ready must not outlive the test
				process.destroyForcibly();
				throw ex;
			}
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	int port() {
		return this.port;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	ApiClient api() {
		return new ApiClient(this.port);
	}

	/** Kills the JVM with SIGKILL, as {@code kill -9} does. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			this.process.waitFor();
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
