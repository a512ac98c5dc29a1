package io.caesarrest.api;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.SlurmDevCluster;
import io.caesarrest.storage.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The service's executable jar with {@code caesar.scheduler.type=slurm} against the real
 * single-node Slurm of {@code deploy/slurm-dev} (skipped when it does not run), with a
 * request-counting proxy in front of slurmrestd. Jobs run as the cluster's job user, so
 * the service's home is a world-readable directory and its job dirs are made writable for
 * that user. Run by failsafe after the jar is packaged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmServiceIntegrationTests {

	private static final URI SLURMRESTD = SlurmDevCluster.url();

	private static final Path KEY_FILE = SlurmDevCluster.keyFile();

	private static final Path STATE_DIR = Path
		.of(System.getenv().getOrDefault("SLURM_DEV_STATE_DIR", "/var/lib/caesar-slurm-dev"));

	private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

	private static final String JOBS_POLL = "GET /slurm/v0.0.38/jobs";

	private static Path home;

	private static CountingProxy proxy;

	private static ServiceProcess service;

	private static ApiClient api;

	private static String file;

	@BeforeAll
	static void startService() throws IOException {
		String unavailable = SlurmDevCluster.unavailableReason();
		assumeTrue(unavailable == null, unavailable);
		home = Files
			.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "caesar-slurm-e2e-" + Ids.newId()));
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
		proxy = CountingProxy.start(SLURMRESTD);
		Path apps = testApps(home.resolve("apps"));
		// native apps such as sfinder run the service's own jar on the cluster, as the
		// job
		// user: a copy in the world-readable home works wherever the build dir is private
		Path jar = Files.copy(ServiceProcess.jar("caesar.test.rest-api-jar"), home.resolve("caesar-rest.jar"));
		service = ServiceProcess.startJar(jar, home.resolve("service.log"), "/caesar/api/v1.0/apps",
				"--caesar.home=" + home, "--caesar.apps.dir=" + apps, "--caesar.scheduler.type=slurm",
				"--caesar.scheduler.slurm.url=" + proxy.url(),
				"--caesar.scheduler.slurm.user=" + SlurmDevCluster.user(),
				"--caesar.scheduler.slurm.key-file=" + KEY_FILE,
				"--caesar.scheduler.slurm.job-dir-permissions=rwxrwxrwx", "--caesar.monitor.period=2s",
				"--caesar.accounter.enabled=false");
		api = service.api();
		Path image = home.resolve("sky.fits");
		SkySimulator.simulate(SimulationOptions.defaults(256, 11), image, home.resolve("sky.csv"), 1);
		file = api.uploadOk(image, "sky.fits");
	}

	/** The test app, and a copy of it with a one-minute time limit, Slurm's shortest. */
	private static Path testApps(Path dir) throws IOException {
		Files.createDirectories(dir);
		String testapp = Files.readString(Path.of(TestApps.dir(), "testapp.yaml"));
		Files.writeString(dir.resolve("testapp.yaml"), testapp);
		String limited = testapp.replace("name: testapp", "name: testapp-limited")
			.replace("max-run-time: 1h", "max-run-time: 1m");
		assertThat(limited).contains("testapp-limited", "max-run-time: 1m");
		Files.writeString(dir.resolve("testapp-limited.yaml"), limited);
		return dir;
	}

	@AfterAll
	static void stopService() throws Exception {
		if (service != null) {
			service.close();
		}
		if (proxy != null) {
			proxy.close();
		}
		if (home != null) {
			FileSystemUtils.deleteRecursively(home);
		}
	}

	@Test
	@Order(1)
	void runsTheSourceFinderThroughSlurmAndServesItsCatalogs() {
		String job = submit("sfinder", "\"nthreads\":2");
		JsonNode status = awaitEnd(job);
		assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("SUCCESS");
		assertThat(status.get("exit_code").asInt()).isZero();
		assertThat(ApiClient.json(api.get("/job/" + job + "/sources")).get("sources").size()).isPositive();
		assertThat(ApiClient.json(api.get("/job/" + job + "/source-components")).has("components")).isTrue();
		assertThat(ApiClient.json(api.get("/job/" + job + "/preview")).get("image").asString()).isNotEmpty();
	}

	@Test
	@Order(2)
	void reportsANonZeroExitAsFailureWithItsCode() {
		String job = submitTestApp("\"exit-code\":3");
		JsonNode status = api.awaitState(job, JOB_TIMEOUT, JobState.SUCCESS, JobState.FAILURE);
		assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("FAILURE");
		assertThat(status.get("exit_code").asInt()).isEqualTo(3);
	}

	@Test
	@Order(3)
	void passesShellMetacharactersLiterally() throws IOException {
		Path pwned = Path.of("/tmp/pwned-slurm-" + Ids.newId());
		String value = "x$(touch " + pwned + ");id>" + pwned + "-2 `touch " + pwned + "-3`";
		String job = api.submitOk(ApiClient.JSON.writeValueAsString(Map.of("app", "testapp", "data_inputs",
				Map.of("data", file), "job_options", Map.of("message", value))));
		JsonNode status = api.awaitState(job, JOB_TIMEOUT, JobState.SUCCESS, JobState.FAILURE);
		assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("SUCCESS");
		assertThat(Files.readAllLines(jobDir(job).resolve("args.txt"))).contains("--message=" + value);
		assertThat(pwned).doesNotExist();
		assertThat(Path.of(pwned + "-2")).doesNotExist();
		assertThat(Path.of(pwned + "-3")).doesNotExist();
	}

	@Test
	@Order(4)
	void cancelsARunningJobAndSlurmForgetsIt() throws Exception {
		String job = submitTestApp("\"sleep\":300");
		api.awaitState(job, JOB_TIMEOUT, JobState.RUNNING);
		assertThat(squeue(job)).isNotEmpty();
		assertThat(api.post("/job/" + job + "/cancel").statusCode()).isEqualTo(200);
		assertThat(api.awaitState(job, JOB_TIMEOUT, JobState.CANCELED).get("state").asString()).isEqualTo("CANCELED");
		await().atMost(Duration.ofSeconds(60)).until(() -> squeue(job).isEmpty());
	}

	@Test
	@Order(5)
	void endsAJobOverItsTimeLimitAsTimedOut() {
		JsonNode status = awaitEnd(submit("testapp-limited", "\"sleep\":600"));
		assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("TIMED-OUT");
		assertThat(status.get("exit_code").asInt()).isEqualTo(124);
	}

	@Test
	@Order(6)
	void keepsJobsThroughASlurmrestdOutageAndReconcilesThemAfter() throws Exception {
		List<String> jobs = new ArrayList<>();
		// two jobs (the node has two cores), running all through the outage
		for (int i = 0; i < 2; i++) {
			jobs.add(submitTestApp("\"sleep\":90"));
		}
		for (String job : jobs) {
			api.awaitState(job, JOB_TIMEOUT, JobState.RUNNING);
		}
		stopSlurmrestd();
		try {
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (System.nanoTime() < end) {
				for (String job : jobs) {
					JsonNode status = ApiClient.json(api.get("/job/" + job + "/status"));
					assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("RUNNING");
				}
				Thread.sleep(2000);
			}
			JsonNode status = ApiClient.json(api.get("/job/" + jobs.get(0) + "/status"));
			assertThat(status.get("status").asString()).contains("unreachable since");
		}
		finally {
			startSlurmrestd();
		}
		for (String job : jobs) {
			JsonNode status = api.awaitState(job, JOB_TIMEOUT, JobState.SUCCESS, JobState.FAILURE);
			assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("SUCCESS");
		}
	}

	@Test
	@Order(7)
	void reconcilesFiftyJobsWithOneStatusRequestPerCycle() {
		double cyclesBefore = polls();
		long requestsBefore = statusRequests();
		List<String> jobs = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			jobs.add(submitTestApp("\"sleep\":1"));
		}
		for (String job : jobs) {
			JsonNode status = api.awaitState(job, JOB_TIMEOUT, JobState.SUCCESS, JobState.FAILURE);
			assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("SUCCESS");
		}
		double cycles = polls() - cyclesBefore;
		long requests = statusRequests() - requestsBefore;
		assertThat(cycles).isPositive();
		// one status request per polling cycle (a cycle may be under way between the two
		// readings), where polling each job would make about 50 per cycle
		assertThat((double) requests).isBetween(cycles - 1, cycles + 1);
	}

	private static String submitTestApp(String options) {
		return submit("testapp", options);
	}

	private static String submit(String app, String options) {
		return api.submitOk("""
				{"app":"%s","data_inputs":{"data":"%s"},"job_options":{%s}}""".formatted(app, file, options));
	}

	private static JsonNode awaitEnd(String job) {
		return api.awaitState(job, JOB_TIMEOUT, JobState.SUCCESS, JobState.FAILURE, JobState.TIMED_OUT,
				JobState.CANCELED);
	}

	private static Path jobDir(String job) {
		return home.resolve("jobs/anonymous/job_" + job);
	}

	private static long statusRequests() {
		return proxy.requests().stream().filter(JOBS_POLL::equals).count();
	}

	private static double polls() {
		JsonNode metric = ApiClient.json(new ApiClient(service.port(), "/actuator")
			.get("/metrics/caesar.monitor.scheduler.polls?tag=scheduler:slurm"));
		return metric.get("measurements").get(0).get("value").asDouble();
	}

	private static String squeue(String job) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("squeue", "-h", "-o", "%i %T", "--name=" + job).redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes()).strip();
		process.waitFor();
		return out;
	}

	private static void stopSlurmrestd() throws IOException, InterruptedException {
		String pid = Files.readString(STATE_DIR.resolve("slurmrestd.pid")).strip();
		new ProcessBuilder("kill", pid).inheritIO().start().waitFor();
		await().atMost(Duration.ofSeconds(20)).until(() -> !SlurmDevCluster.answers(SLURMRESTD));
	}

	private static void startSlurmrestd() throws IOException, InterruptedException {
		Path script = Path.of(System.getProperty("caesar.test.project-dir", ".."), "deploy/slurm-dev/start.sh");
		Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
			.redirectOutput(home.resolve("slurm-restart.log").toFile())
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(Files.readString(home.resolve("slurm-restart.log"))).isZero();
	}

}
