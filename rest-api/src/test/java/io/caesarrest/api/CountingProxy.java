package io.caesarrest.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A reverse proxy in front of slurmrestd that records every request the service makes
 * ({@code GET /slurm/v0.0.38/jobs}, ...), so that tests can count them. When slurmrestd
 * does not answer, the proxy drops the connection, as slurmrestd itself would look.
 */
final class CountingProxy implements AutoCloseable {

	private static final Set<String> FORWARDED = Set.of("x-slurm-user-name", "x-slurm-user-token", "content-type",
			"accept");

	private final HttpServer server;

	private final URI upstream;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private CountingProxy(HttpServer server, URI upstream) {
		this.server = server;
		this.upstream = upstream;
	}

	static CountingProxy start(URI upstream) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		CountingProxy proxy = new CountingProxy(server, upstream);
		server.createContext("/", proxy::forward);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
		return proxy;
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** The requests so far, as "METHOD path". */
	List<String> requests() {
		return List.copyOf(this.requests);
	}

	private void forward(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().toString();
		this.requests.add(method + " " + exchange.getRequestURI().getPath());
		try (exchange; InputStream body = exchange.getRequestBody()) {
			byte[] content = body.readAllBytes();
			HttpRequest.Builder request = HttpRequest.newBuilder(this.upstream.resolve(path))
				.timeout(Duration.ofSeconds(30))
				.method(method, (content.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(content)
						: HttpRequest.BodyPublishers.noBody());
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (FORWARDED.contains(name.toLowerCase())) {
					values.forEach((value) -> request.header(name, value));
				}
			});
			HttpResponse<byte[]> response;
			try {
				response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (IOException ex) {
				return; // no answer: the connection closes without a response
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			response.headers()
				.firstValue("content-type")
				.ifPresent((type) -> exchange.getResponseHeaders().set("Content-Type", type));
			exchange.sendResponseHeaders(response.statusCode(),
					(response.body().length > 0) ? response.body().length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(response.body());
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
