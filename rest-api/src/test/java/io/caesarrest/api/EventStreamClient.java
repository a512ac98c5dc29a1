package io.caesarrest.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Server-Sent Events client of the job event streams, reading the stream line by line
 * on a thread of its own as a browser's EventSource would.
 */
final class EventStreamClient implements AutoCloseable {

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final AtomicInteger comments = new AtomicInteger();

	private final HttpResponse<Stream<String>> response;

	private final Thread reader;

	private volatile boolean ended;

	private EventStreamClient(HttpResponse<Stream<String>> response) {
		this.response = response;
		this.reader = new Thread(this::read, "sse-client");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Opens a stream.
	 * @param url the stream's URL
	 * @param token a bearer token, or null
	 * @param lastEventId the id to resume after, or null
	 * @return the open stream
	 */
	static EventStreamClient open(String url, String token, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
			return new EventStreamClient(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void read() {
		String id = null;
		String name = "message";
		List<String> data = new ArrayList<>();
		try (Stream<String> lines = this.response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(id, name, ApiClient.JSON.readTree(String.join("\n", data))));
					}
					name = "message";
					data.clear();
				}
				else if (line.startsWith(":")) {
					this.comments.incrementAndGet();
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).trim();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).trim();
				}
				else if (line.startsWith("data:")) {
					data.add(line.substring(5).trim());
				}
			}
		}
		catch (RuntimeException ex) {
			// closed by the test
		}
		finally {
			this.ended = true;
		}
	}

	/** The next event, waiting up to {@code timeout}; fails if none came. */
	Event next(Duration timeout) throws InterruptedException {
		Event event = this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(event).as("an event within " + timeout).isNotNull();
		return event;
	}

	/** Every event until the server closes the stream, waiting up to {@code timeout}. */
	List<Event> untilEnd(Duration timeout) throws InterruptedException {
		this.reader.join(timeout.toMillis());
		assertThat(this.ended).as("the server closed the stream within " + timeout).isTrue();
		List<Event> all = new ArrayList<>();
		this.events.drainTo(all);
		return all;
	}

	int comments() {
		return this.comments.get();
	}

	boolean ended() {
		return this.ended;
	}

	@Override
	public void close() {
		this.reader.interrupt();
		try {
			this.response.body().close();
		}
		catch (RuntimeException ex) {
			// already closed
		}
	}

	/**
	 * One event.
	 *
	 * @param id its id
	 * @param name its name
	 * @param data its data, parsed
	 */
	record Event(String id, String name, JsonNode data) {

		String state() {
			return this.data.get("state").asString();
		}

		String jobId() {
			return this.data.get("job_id").asString();
		}

	}

}
