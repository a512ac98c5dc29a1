package io.caesarrest.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.caesarrest.api.security.TokenIssuer;
import io.caesarrest.job.JobState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Split mode: the REST API, two job monitors (one active, one standby) and the accounter
 * as separate processes started from their real executable jars, sharing the REST API's
 * embedded store over its wire port and one home directory. The REST API authenticates
 * callers with tokens of a real OIDC issuer; the monitor and the accounter need none, and
 * another user sees nothing of the jobs and files. Run by failsafe after the jars are
 * packaged.
 */
class SplitDeploymentIntegrationTests {

	private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

	private static final Pattern JOB_END = Pattern.compile("(?:Job (\\w+) ended|Recovered job (\\w+) as) ");

	@TempDir
	Path home;

	private final List<ServiceProcess> services = new ArrayList<>();

	private final TokenIssuer issuer = new TokenIssuer();

	@AfterEach
	void stopServices() throws InterruptedException {
		for (ServiceProcess service : this.services) {
			service.close();
		}
		this.issuer.close();
	}

	@Test
	void runsJobsCancelsAndAccountsAcrossThreeServicesAndSurvivesTheActiveMonitorsDeath() throws Exception {
		int storePort = ServiceProcess.freePort();
		String storeUri = "mongodb://127.0.0.1:" + storePort + "/caesardb";
		ServiceProcess api = start(ServiceProcess.startJar(ServiceProcess.jar("caesar.test.rest-api-jar"),
				log("rest-api"), "/actuator/health", "--caesar.home=" + this.home, "--caesar.auth.enabled=true",
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + this.issuer.issuerUri(),
				"--caesar.auth.admin-claim=groups", "--caesar.auth.admin-values=caesar-admins",
				"--caesar.monitor.enabled=false", "--caesar.accounter.enabled=false",
				"--caesar.embedded-store.port=" + storePort, "--caesar.apps.dir=" + TestApps.dir()));
		ServiceProcess first = startMonitor(storeUri, "monitor-1");
		ServiceProcess second = startMonitor(storeUri, "monitor-2");
		start(ServiceProcess.startJar(ServiceProcess.jar("caesar.test.accounter-jar"), log("accounter"),
				"/actuator/health", "--spring.mongodb.uri=" + storeUri, "--caesar.home=" + this.home,
				"--caesar.accounter.period=1s", "--caesar.accounter.initial-delay=0s"));
		await().atMost(Duration.ofSeconds(30)).until(() -> isActive(first) != isActive(second));
		ServiceProcess active = isActive(first) ? first : second;
		ServiceProcess standby = (active == first) ? second : first;

		ApiClient client = api.api().withToken(this.issuer.token("alice@example.org"));
		ApiClient bob = api.api().withToken(this.issuer.token("bob@example.org"));
		assertThat(api.api().get("/fileids").statusCode()).isEqualTo(401);
		String file = client.uploadOk(TestFits.write(this.home.resolve("in.fits"), 1000, 1), "in.fits");
		String quick = submit(client, file, 0.2);
		assertThat(client.awaitState(quick, JOB_TIMEOUT, JobState.SUCCESS).get("state").asString())
			.isEqualTo("SUCCESS");
		String canceled = submit(client, file, 120);
		client.awaitState(canceled, JOB_TIMEOUT, JobState.RUNNING);
		for (String path : List.of("/job/" + canceled + "/cancel", "/job/" + quick + "/status",
				"/job/" + quick + "/output", "/download/" + file, "/delete/" + file)) {
			assertThat(bob.get(path).statusCode()).as(path).isEqualTo(404);
		}
		String streamed = submit(client, file, 0.5);
		String events = "http://127.0.0.1:" + api.port() + "/caesar/api/v1.0/job/" + streamed + "/events";
		try (EventStreamClient stream = EventStreamClient.open(events, this.issuer.token("alice@example.org"), null)) {
			// the REST process learns of the monitor's changes from the change feed in
			// the store
			assertThat(stream.untilEnd(JOB_TIMEOUT))
				.extracting(EventStreamClient.Event::name, EventStreamClient.Event::state)
				.endsWith(org.assertj.core.groups.Tuple.tuple("status", "SUCCESS"),
						org.assertj.core.groups.Tuple.tuple("end", "SUCCESS"));
		}
		assertThat(bob.get("/job/" + streamed + "/events").statusCode()).isEqualTo(404);
		assertThat(api.api().get("/job/" + streamed + "/events").statusCode()).isEqualTo(401);
		assertThat(client.status(canceled).get("state").asString()).isEqualTo("RUNNING");
		assertThat(client.post("/job/" + canceled + "/cancel").statusCode()).isEqualTo(200);

		List<String> running = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			running.add(submit(client, file, 6));
		}
		for (String id : running) {
			client.awaitState(id, JOB_TIMEOUT, JobState.RUNNING);
		}
		active.kill();
		await().atMost(Duration.ofSeconds(30)).until(() -> isActive(standby));
		for (String id : running) {
			JsonNode status = client.awaitState(id, JOB_TIMEOUT, JobState.SUCCESS, JobState.FAILURE);
			assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("SUCCESS");
			assertThat(status.get("exit_code").asInt()).isZero();
		}
		assertThat(client.awaitState(canceled, JOB_TIMEOUT, JobState.CANCELED).get("state").asString())
			.isEqualTo("CANCELED");
		assertThat(endsLogged()).as("every job ended exactly once across both monitors")
			.containsExactlyInAnyOrder(quick, streamed, running.get(0), running.get(1));

		await().atMost(JOB_TIMEOUT).untilAsserted(() -> {
			JsonNode accounting = ApiClient.json(client.get("/accounting"));
			assertThat(accounting.get("njobs").asLong()).isEqualTo(5);
			assertThat(accounting.get("njobs_completed").asLong()).isEqualTo(4);
			assertThat(accounting.get("files").asLong()).isEqualTo(1);
			assertThat(accounting.get("by_app").get("testapp").asLong()).isEqualTo(5);
		});
		assertThat(ApiClient.json(bob.get("/accounting")).get("njobs").asLong()).isZero();
		assertThat(ApiClient.json(bob.get("/jobs"))).isEmpty();
		assertThat(client.get("/appstats").statusCode()).isEqualTo(403);
		JsonNode appstats = ApiClient
			.json(api.api().withToken(this.issuer.adminToken("carol@example.org")).get("/appstats"));
		assertThat(appstats.get("nusers").asLong()).isEqualTo(1);
		assertThat(appstats.get("apps").get("testapp").get("njobs").asLong()).isEqualTo(5);
		assertThat(appstats.get("by_state").get("CANCELED").asLong()).isEqualTo(1);
	}

	private ServiceProcess startMonitor(String storeUri, String name) throws IOException {
		return start(ServiceProcess.startJar(ServiceProcess.jar("caesar.test.job-monitor-jar"), log(name),
				"/actuator/health", "--spring.mongodb.uri=" + storeUri, "--caesar.home=" + this.home,
				"--caesar.apps.dir=" + TestApps.dir(), "--caesar.monitor.lease=3s"));
	}

	private ServiceProcess start(ServiceProcess service) {
		this.services.add(service);
		return service;
	}

	private static boolean isActive(ServiceProcess monitor) {
		JsonNode health = ApiClient.json(new ApiClient(monitor.port(), "/actuator").get("/health"));
		return health.get("components").get("monitor").get("details").get("active").asBoolean();
	}

	private static String submit(ApiClient client, String file, double sleep) {
		return client.submitOk("""
				{"app":"testapp","data_inputs":{"data":"%s"},"job_options":{"sleep":%s}}""".formatted(file, sleep));
	}

	private List<String> endsLogged() throws IOException {
		List<String> ended = new ArrayList<>();
		for (String name : List.of("monitor-1", "monitor-2")) {
			Matcher matcher = JOB_END.matcher(Files.readString(log(name)));
			while (matcher.find()) {
				ended.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
			}
		}
		return ended;
	}

	private Path log(String name) throws IOException {
		Path logs = Files.createDirectories(this.home.resolve("logs"));
		return logs.resolve(name + ".log");
	}

}
