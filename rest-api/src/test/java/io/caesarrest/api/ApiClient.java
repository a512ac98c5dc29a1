package io.caesarrest.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.caesarrest.job.JobState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real HTTP client for the API, as a user's script would use it.
 */
public final class ApiClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	private final String token;

	public ApiClient(int port) {
		this(port, "/caesar/api/v1.0");
	}

	private ApiClient(String base, String token) {
		this.base = base;
		this.token = token;
	}

	/**
	 * The same client sending {@code Authorization: Bearer <token>} with every request.
	 * @param token the access token, or any text to test refusals
	 * @return a new client
	 */
	public ApiClient withToken(String token) {
		return new ApiClient(this.base, token);
	}

	/**
	 * A client of any path prefix of a server on loopback, e.g. {@code /actuator}.
	 * @param port the server's port
	 * @param prefix the path prefix
	 */
	public ApiClient(int port, String prefix) {
		this("http://127.0.0.1:" + port + prefix, null);
	}

	public HttpResponse<String> get(String path) {
		return send(builder(path).GET().build());
	}

	public HttpResponse<InputStream> getStream(String path) {
		try {
			return this.http.send(builder(path).GET().build(), BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return this.http.send(builder(path).GET().build(), BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> postJson(String path, String body) {
		return send(
				builder(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build());
	}

	public HttpResponse<String> post(String path) {
		return send(builder(path).POST(BodyPublishers.noBody()).build());
	}

	public HttpResponse<String> method(String method, String path) {
		return send(builder(path).method(method, BodyPublishers.noBody()).build());
	}

	/** Posts a hand-made multipart body. */
	public HttpResponse<String> postMultipartRaw(String boundary, String body) {
		return send(builder("/upload").header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Uploads a file as multipart field {@code file} under the given client file name.
	 */
	public HttpResponse<String> upload(Path file, String filename) {
		return upload(() -> {
			try {
				return BodyPublishers.ofFile(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, filename, Map.of());
	}

	/** Uploads content streamed from a publisher, with extra form fields first. */
	public HttpResponse<String> upload(Supplier<BodyPublisher> content, String filename, Map<String, String> fields) {
		String boundary = "----caesar" + UUID.randomUUID();
		StringBuilder head = new StringBuilder();
		fields.forEach((name, value) -> head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(filename)
			.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		BodyPublisher body = BodyPublishers.concat(BodyPublishers.ofString(head.toString()), content.get(),
				BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
		return send(builder("/upload").header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(body)
			.build());
	}

	/** Uploads and returns the new file's uuid, failing unless the upload succeeded. */
	public String uploadOk(Path file, String filename) {
		HttpResponse<String> response = upload(file, filename);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("uuid").asString();
	}

	/** Submits a job and returns its id, failing unless it was accepted. */
	public String submitOk(String body) {
		HttpResponse<String> response = postJson("/job", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json(response).get("job_id").asString();
	}

	public JsonNode status(String jobId) {
		return json(get("/job/" + jobId + "/status"));
	}

	/** Waits until the job is in one of the given states and returns its status. */
	public JsonNode awaitState(String jobId, Duration timeout, JobState... states) {
		List<String> labels = List.of(states).stream().map(JobState::label).toList();
		return await().atMost(timeout)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> status(jobId), (status) -> labels.contains(status.get("state").asString()));
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
		return (this.token != null) ? builder.header("Authorization", "Bearer " + this.token) : builder;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
