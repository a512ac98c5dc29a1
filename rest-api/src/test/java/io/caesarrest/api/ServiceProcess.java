package io.caesarrest.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The service as a separate JVM, started from the test class path, so that tests can kill
 * it for real.
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
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), CaesarRestApplication.class.getName(),
				"--server.port=" + port, "--caesar.home=" + home,
				"--caesar.apps.dir=" + ServiceIntegrationTests.testApps()));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			ServiceProcess service = new ServiceProcess(process, port);
			ApiClient api = service.api();
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("Service exited; see " + log);
				}
				return api.get("/apps").statusCode() == 200;
			});
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
