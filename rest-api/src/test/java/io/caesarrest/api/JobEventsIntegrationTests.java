package io.caesarrest.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.caesarrest.api.EventStreamClient.Event;
import io.caesarrest.job.JobState;
import io.caesarrest.webhook.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The all-in-one service on a random port: job event streams read by a real SSE client,
 * and completion webhooks received by a real HTTP server that checks their signature and
 * fails the first attempts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobEventsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String SECRET = "webhook-test-secret";

	@TempDir
	static Path home;

	@LocalServerPort
	int port;

	ApiClient api;

	HttpServer receiver;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("caesar.home", () -> home.toString());
		registry.add("caesar.apps.dir", TestApps::dir);
		registry.add("caesar.events.heartbeat", () -> "500ms");
		registry.add("caesar.webhooks.secret", () -> SECRET);
		registry.add("caesar.webhooks.initial-backoff", () -> "200ms");
		registry.add("caesar.webhooks.poll-interval", () -> "200ms");
		registry.add("caesar.webhooks.max-attempts", () -> "5");
	}

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@AfterEach
	void stopReceiver() {
		if (this.receiver != null) {
			this.receiver.stop(0);
		}
	}

	@Test
	void streamsOneJobFromItsCurrentStatusToItsEnd() throws Exception {
		String file = this.api.uploadOk(TestFits.write(home.resolve("one.fits"), 100, 1), "one.fits");
		String job = this.api.submitOk(request(file, 1, null));
		try (EventStreamClient stream = EventStreamClient.open(url("/job/" + job + "/events"), null, null)) {
			List<Event> events = stream.untilEnd(TIMEOUT);
			assertThat(events).extracting(Event::name).first().isEqualTo("status");
			assertThat(events).extracting(Event::name).endsWith("status", "end");
			assertThat(events).extracting(Event::jobId).containsOnly(job);
			assertThat(events).extracting(Event::state).endsWith("SUCCESS", "SUCCESS").contains("RUNNING");
			Event end = events.get(events.size() - 1);
			assertThat(end.data().get("exit_code").asInt()).isZero();
			assertThat(end.data().get("app").asString()).isEqualTo("testapp");
			assertThat(end.data().get("tag").asString()).isEqualTo("events");
			assertThat(end.data().get("submit_date").asString()).isNotBlank();
			assertThat(end.data().get("elapsed_time").asDouble()).isGreaterThan(0.9);
			assertThat(events).extracting((event) -> Long.parseLong(event.id())).isSorted();
		}
		// a job that already ended: its status, then the end
		try (EventStreamClient again = EventStreamClient.open(url("/job/" + job + "/events"), null, null)) {
			assertThat(again.untilEnd(TIMEOUT)).extracting(Event::name, Event::state)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("status", "SUCCESS"),
						org.assertj.core.groups.Tuple.tuple("end", "SUCCESS"));
		}
	}

	@Test
	void streamsAllJobsWithHeartbeatsAndResumesAfterLastEventId() throws Exception {
		String file = this.api.uploadOk(TestFits.write(home.resolve("all.fits"), 100, 1), "all.fits");
		String first;
		String job;
		try (EventStreamClient stream = EventStreamClient.open(url("/jobs/events"), null, null)) {
			job = this.api.submitOk(request(file, 0.2, null));
			Event event = stream.next(TIMEOUT);
			first = event.id();
			assertThat(event.name()).isEqualTo("status");
			assertThat(event.jobId()).isEqualTo(job);
			assertThat(event.state()).isEqualTo("PENDING");
			while (!event.state().equals("SUCCESS")) {
				event = stream.next(TIMEOUT);
				assertThat(event.jobId()).isEqualTo(job);
			}
			await().atMost(TIMEOUT).until(() -> stream.comments() >= 2);
			assertThat(stream.ended()).isFalse();
		}
		try (EventStreamClient resumed = EventStreamClient.open(url("/jobs/events"), null, first)) {
			Event event = resumed.next(TIMEOUT);
			assertThat(Long.parseLong(event.id())).isGreaterThan(Long.parseLong(first));
			assertThat(event.jobId()).isEqualTo(job);
			assertThat(event.state()).isNotEqualTo("PENDING");
			while (!event.state().equals("SUCCESS")) {
				event = resumed.next(TIMEOUT);
			}
		}
	}

	@Test
	void refusesStreamsOfUnknownJobsAndBadCursors() {
		HttpResponse<String> unknown = this.api.get("/job/0123456789abcdef0123456789abcdef/events");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(ApiClient.json(unknown).get("status").asString()).contains("not found");
		assertThat(this.api.get("/job/nope/events").statusCode()).isEqualTo(404);
	}

	@Test
	void postsSignedTerminalStatusToCallbackRetryingFailedAttempts() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		List<String> bodies = new CopyOnWriteArrayList<>();
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			int attempt = attempts.incrementAndGet();
			String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
			boolean valid = WebhookSignature.sign(SECRET, body).equals(signature)
					&& signature.matches("sha256=[0-9a-f]{64}");
			int code = (!valid) ? 401 : (attempt < 3) ? 503 : 204;
			if (code == 204) {
				bodies.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
				assertThat(exchange.getRequestHeaders().getFirst("X-Caesar-Attempt")).isEqualTo("3");
			}
			exchange.sendResponseHeaders(code, -1);
			exchange.close();
		});
		this.receiver.start();
		String callback = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook";
		String file = this.api.uploadOk(TestFits.write(home.resolve("hook.fits"), 100, 1), "hook.fits");
		String job = this.api.submitOk(request(file, 0.2, callback));
		this.api.awaitState(job, TIMEOUT, JobState.SUCCESS);
		await().atMost(TIMEOUT).until(() -> bodies.size() == 1);
		var delivered = ApiClient.JSON.readTree(bodies.get(0));
		assertThat(delivered.get("job_id").asString()).isEqualTo(job);
		assertThat(delivered.get("state").asString()).isEqualTo("SUCCESS");
		assertThat(delivered.get("exit_status").asInt()).isZero();
		assertThat(attempts).hasValue(3);
		Thread.sleep(1000);
		assertThat(attempts).as("delivered once, then never again").hasValue(3);
	}

	@Test
	void refusesCallbackUrlsItMustNotCallAndCreatesNoJob() throws IOException {
		String file = this.api.uploadOk(TestFits.write(home.resolve("bad.fits"), 100, 1), "bad.fits");
		int before = ApiClient.json(this.api.get("/jobs")).size();
		for (String bad : List.of("http://169.254.169.254/latest/meta-data", "ftp://example.org/x", "not a url",
				"http://127.0.0.1:" + this.port + "/actuator", "http://[fe80::1]:8080/x")) {
			HttpResponse<String> response = this.api.postJson("/job", request(file, 0, bad));
			assertThat(response.statusCode()).as(bad).isEqualTo(400);
			assertThat(ApiClient.json(response).get("status").asString()).as(bad).contains("callback_url");
		}
		assertThat(ApiClient.json(this.api.get("/jobs")).size()).isEqualTo(before);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + "/caesar/api/v1.0" + path;
	}

	private static String request(String file, double sleep, String callback) {
		String hook = (callback != null) ? ",\"callback_url\":\"" + callback + "\"" : "";
		return """
				{"app":"testapp","data_inputs":"%s","job_options":{"sleep":%s},"tag":"events"%s}""".formatted(file,
				sleep, hook);
	}

}
