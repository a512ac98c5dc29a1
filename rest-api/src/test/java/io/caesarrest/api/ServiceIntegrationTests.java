package io.caesarrest.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.caesarrest.file.DataFile;
import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import io.caesarrest.finder.simulate.TruthSource;
import io.caesarrest.file.DataFileRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.storage.Ids;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The all-in-one service started on a random port, driven over HTTP: uploads, apps, jobs
 * run by the local queue as real processes, outputs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceIntegrationTests {

	static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	static Path home;

	@LocalServerPort
	int port;

	@Autowired
	DataFileRepository files;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

	ApiClient api;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("caesar.home", () -> home.toString());
		registry.add("caesar.apps.dir", TestApps::dir);
		registry.add("caesar.upload.max-size", () -> "4MB");
		// the built-in finder's job runs in a pre-started JVM (off in the other tests)
		registry.add("caesar.scheduler.local.warm-jvms", () -> "1");
		registry.add("caesar.scheduler.local.jvm-dir", () -> home.resolve("jvms").toString());
	}

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void uploadsSampleImagesAndDownloadsThemByteIdentical() throws IOException {
		for (String name : List.of("ScorpioS17Field.fits", "1904-66_SIN.fits")) {
			Path sample = TestFits.sharedData(name);
			assumeThat(sample).exists();
			HttpResponse<String> response = this.api.upload(sample, name);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode body = ApiClient.json(response);
			assertThat(body.get("filename_orig").asString()).isEqualTo(name);
			assertThat(body.get("format").asString()).isEqualTo("fits");
			assertThat(body.get("status").asString()).isEqualTo("File uploaded with success");
			assertThat(body.get("uuid").asString()).matches("[0-9a-f]{32}");
			assertThat(body.get("fits").get("bunit").asString()).isEqualToIgnoringCase("JY/BEAM");
			HttpResponse<byte[]> download = this.api.getBytes("/download/" + body.get("uuid").asString());
			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(download.body()).isEqualTo(Files.readAllBytes(sample));
			assertThat(download.headers().firstValue("Content-Disposition")).get().asString().contains(name);
		}
	}

	@Test
	void listsAndDescribesApps() {
		JsonNode apps = ApiClient.json(this.api.get("/apps")).get("apps");
		assertThat(apps.valueStream().map(JsonNode::asString)).contains("caesar", "umap", "similarity-search",
				"testapp");
		JsonNode sleep = ApiClient.json(this.api.get("/app/testapp/describe")).get("sleep");
		assertThat(sleep.get("type").asString()).isEqualTo("float");
		assertThat(sleep.get("max").asDouble()).isEqualTo(600.0);
		HttpResponse<String> unknown = this.api.get("/app/nope/describe");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(ApiClient.json(unknown).get("status").asString()).contains("nope");
	}

	@Test
	void runsJobToSuccessAndServesItsOutputs() throws IOException {
		String file = this.api.uploadOk(TestFits.write(home.resolve("in.fits"), 1000, 1), "in.fits");
		String jobId = this.api.submitOk("""
				{"app":"testapp","data_inputs":{"data":"%s"},
				 "job_options":{"sleep":0.5,"message":"hello world","mode":"slow","verbose":true,"run":true},
				 "tag":"first"}""".formatted(file));
		JsonNode status = this.api.awaitState(jobId, JOB_TIMEOUT, JobState.SUCCESS, JobState.FAILURE);
		assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("SUCCESS");
		assertThat(status.get("exit_code").asInt()).isZero();
		assertThat(status.get("exit_status").asInt()).isZero();
		assertThat(status.get("elapsed_time").asDouble()).isGreaterThan(0.4);
		assertThat(status.get("tag").asString()).isEqualTo("first");

		assertThat(
				ApiClient.json(this.api.get("/job/" + jobId + "/sources")).get("sources").get(0).get("name").asString())
			.isEqualTo("S1");
		assertThat(this.api.get("/job/" + jobId + "/output-sources").body()).contains("S1 1.0 2.0");
		assertThat(ApiClient.json(this.api.get("/job/" + jobId + "/source-components")).has("components")).isTrue();
		assertThat(this.api.get("/job/" + jobId + "/output-components").body()).contains("S1_1");
		byte[] png = Base64.getDecoder()
			.decode(ApiClient.json(this.api.get("/job/" + jobId + "/preview")).get("image").asString());
		assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
		assertThat(this.api.getBytes("/job/" + jobId + "/output-plot").body()).isEqualTo(png);

		List<String> entries = archiveEntries(jobId);
		String root = "job_" + jobId + "/";
		assertThat(entries).contains(root + "args.txt", root + "catalog-test.json", root + "plot_test.png",
				root + "job_" + jobId + ".log");
		assertThat(entries).noneMatch((e) -> e.endsWith(".exit_code"));
		Path jobDir = home.resolve("jobs/anonymous/job_" + jobId);
		assertThat(Files.readAllLines(jobDir.resolve("args.txt")))
			.containsExactly("--run", "--sleep=0.5", "--message=hello world", "--mode=slow", "--verbose",
					"--inputfile=" + home.resolve("data/anonymous/" + file + ".fits"))
			.doesNotHaveDuplicates();
		assertThat(ApiClient.json(this.api.get("/jobs")).valueStream().map((j) -> j.get("job_id").asString()))
			.contains(jobId);
	}

	@Test
	void pagesAndFiltersTheCallersJobsAndFilesNewestFirst() throws IOException {
		String older = this.api.uploadOk(TestFits.write(home.resolve("p1.fits"), 100, 1), "p1.fits");
		String newer = this.api.uploadOk(TestFits.write(home.resolve("p2.fits"), 100, 2), "p2.fits");
		String tag = "paging-" + System.nanoTime();
		List<String> submitted = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			submitted.add(this.api.submitOk("""
					{"app":"testapp","data_inputs":"%s","job_options":{"sleep":0},"tag":"%s"}""".formatted(older,
					tag)));
		}
		HttpResponse<String> first = this.api.get("/jobs?limit=2&tag=" + tag);
		assertThat(ApiClient.json(first).valueStream().map((j) -> j.get("job_id").asString()))
			.containsExactly(submitted.get(2), submitted.get(1));
		String cursor = first.headers().firstValue("X-Next-Cursor").orElseThrow();
		assertThat(first.headers().firstValue("Link").orElseThrow()).contains("before=" + cursor)
			.contains("rel=\"next\"");
		HttpResponse<String> second = this.api.get("/jobs?limit=2&tag=" + tag + "&before=" + cursor);
		assertThat(ApiClient.json(second).valueStream().map((j) -> j.get("job_id").asString()))
			.containsExactly(submitted.get(0));
		assertThat(second.headers().firstValue("X-Next-Cursor")).isEmpty();
		assertThat(ApiClient.json(this.api.get("/jobs?app=nosuchapp")).size()).isZero();
		for (String bad : List.of("/jobs?limit=0", "/jobs?limit=x", "/jobs?state=BOGUS", "/jobs?since=yesterday",
				"/fileids?state=RUNNING")) {
			HttpResponse<String> refused = this.api.get(bad);
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			assertThat(ApiClient.json(refused).get("status").asString()).as(bad).isNotBlank();
		}
		JsonNode files = ApiClient.json(this.api.get("/fileids?limit=1"));
		assertThat(files.get("file_ids").valueStream().map(JsonNode::asString)).containsExactly(newer);
		JsonNode rest = ApiClient.json(this.api.get("/fileids?before=" + files.get("next").asLong()));
		assertThat(rest.get("file_ids").valueStream().map(JsonNode::asString)).contains(older).doesNotContain(newer);
	}

	@Test
	void runsTheBuiltInSourceFinderOnASimulatedImage() throws IOException {
		Path image = home.resolve("sky.fits");
		List<TruthSource> truth = SkySimulator.simulate(SimulationOptions.defaults(256, 7), image,
				home.resolve("sky-truth.csv"), 1);
		String file = this.api.uploadOk(image, "sky.fits");
		String jobId = this.api.submitOk("""
				{"app":"sfinder","data_inputs":{"data":"%s"},"job_options":{}}""".formatted(file));
		JsonNode status = this.api.awaitState(jobId, JOB_TIMEOUT, JobState.SUCCESS, JobState.FAILURE);
		assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("SUCCESS");

		JsonNode sources = ApiClient.json(this.api.get("/job/" + jobId + "/sources")).get("sources");
		long bright = truth.stream().filter((source) -> source.snr() >= 10).count();
		assertThat(bright).isPositive();
		assertThat(sources.size()).isGreaterThanOrEqualTo((int) (0.9 * bright));
		assertThat(this.api.get("/job/" + jobId + "/output-sources").body()).startsWith("#");
		JsonNode components = ApiClient.json(this.api.get("/job/" + jobId + "/source-components"));
		assertThat(components.toString()).contains("\"components\"");
		JsonNode overlay = ApiClient.json(this.api.get("/job/" + jobId + "/overlay"));
		JsonNode firstComponent = components.get("components").get(0);
		JsonNode firstEllipse = overlay.get("ellipses").get(0);
		assertThat(overlay.get("preview").get("width").asInt()).isEqualTo(256);
		assertThat(overlay.get("factor").asInt()).isEqualTo(1);
		assertThat(overlay.get("north").asString()).isEqualTo("wcs");
		assertThat(overlay.get("ellipses").size()).isEqualTo(components.get("components").size());
		assertThat(firstEllipse.get("name").asString()).isEqualTo(firstComponent.get("name").asString());
		assertThat(firstEllipse.get("x").asDouble()).isCloseTo(firstComponent.get("x").asDouble() + 0.5, within(0.01));
		assertThat(firstEllipse.get("y").asDouble()).isCloseTo(256 - firstComponent.get("y").asDouble() - 0.5,
				within(0.01));
		byte[] png = Base64.getDecoder()
			.decode(ApiClient.json(this.api.get("/job/" + jobId + "/preview")).get("image").asString());
		assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

		String root = "job_" + jobId + "/";
		assertThat(archiveEntries(jobId)).contains(root + "catalog-" + jobId + ".json",
				root + "catalog-" + jobId + ".dat", root + "catalog_fitcomp-" + jobId + ".json",
				root + "catalog_fitcomp-" + jobId + ".dat", root + "plot_" + jobId + ".png",
				root + "regions-" + jobId + ".reg", root + "catalog-" + jobId + ".vot");
	}

	@Test
	void turnsTheOverlayEllipsesWithTheImagesNorth() throws IOException {
		Path sample = TestFits.sharedData("1904-66_SIN.fits");
		assumeThat(sample).exists();
		String file = this.api.uploadOk(sample, "1904-66_SIN.fits");
		String jobId = this.api.submitOk("""
				{"app":"sfinder","data_inputs":{"data":"%s"}}""".formatted(file));
		assertThat(this.api.awaitState(jobId, JOB_TIMEOUT, JobState.SUCCESS, JobState.FAILURE).get("state").asString())
			.isEqualTo("SUCCESS");
		JsonNode overlay = ApiClient.json(this.api.get("/job/" + jobId + "/overlay"));
		JsonNode components = ApiClient.json(this.api.get("/job/" + jobId + "/source-components")).get("components");
		assertThat(overlay.get("north").asString()).isEqualTo("wcs");
		// north is tilted across this all-sky test image: some ellipse turns away from
		// -(pa + 90)
		double largest = 0;
		for (int i = 0; i < components.size(); i++) {
			double unrotated = -(components.get(i).get("pa").asDouble() + 90);
			double turn = Math.abs(overlay.get("ellipses").get(i).get("angle").asDouble() - unrotated) % 180;
			largest = Math.max(largest, Math.min(turn, 180 - turn));
		}
		assertThat(largest).isGreaterThan(5);
		assertThat(this.api.get("/job/" + Ids.newId() + "/overlay").statusCode()).isEqualTo(404);
	}

	@Test
	void reportsNonZeroExitAsFailure() throws IOException {
		String file = this.api.uploadOk(TestFits.write(home.resolve("f.fits"), 100, 2), "f.fits");
		String jobId = this.api.submitOk("""
				{"app":"testapp","data_inputs":"%s","job_inputs":{"exit-code":3}}""".formatted(file));
		JsonNode status = this.api.awaitState(jobId, JOB_TIMEOUT, JobState.SUCCESS, JobState.FAILURE);
		assertThat(status.get("state").asString()).isEqualTo("FAILURE");
		assertThat(status.get("exit_code").asInt()).isEqualTo(3);
		assertThat(status.get("status").asString()).contains("3");
	}

	@Test
	void cancelsLongJobAndStopsItsProcess() throws IOException {
		String file = this.api.uploadOk(TestFits.write(home.resolve("c.fits"), 100, 3), "c.fits");
		String jobId = this.api.submitOk("""
				{"app":"testapp","data_inputs":"%s","job_options":{"sleep":300}}""".formatted(file));
		JsonNode running = this.api.awaitState(jobId, JOB_TIMEOUT, JobState.RUNNING);
		long pid = Long.parseLong(running.get("pid").asString());
		assertThat(ProcessHandle.of(pid)).isPresent();
		HttpResponse<String> output = this.api.get("/job/" + jobId + "/output");
		assertThat(output.statusCode()).isEqualTo(202);
		assertThat(ApiClient.json(output).get("status").asString()).contains("not yet completed");

		HttpResponse<String> cancel = this.api.post("/job/" + jobId + "/cancel");
		assertThat(cancel.statusCode()).isEqualTo(200);
		JsonNode status = this.api.status(jobId);
		assertThat(status.get("state").asString()).isEqualTo("CANCELED");
		assertThat(status.get("exit_code").asInt()).isEqualTo(-1);
		await().atMost(Duration.ofSeconds(15)).until(() -> ProcessHandle.of(pid).map((p) -> !p.isAlive()).orElse(true));
		assertThat(ApiClient.json(this.api.get("/job/" + jobId + "/cancel")).get("status").asString())
			.contains("already completed with state CANCELED");
		assertThat(this.api.status(jobId).get("state").asString()).isEqualTo("CANCELED");
	}

	@Test
	void servesWhatTheWebUiShows() throws IOException {
		String file = this.api.uploadOk(TestFits.write(home.resolve("ui.fits"), 100, 9), "ui.fits");
		JsonNode listed = ApiClient.json(this.api.get("/files?limit=1")).get("files").get(0);
		assertThat(listed.get("uuid").asString()).isEqualTo(file);
		assertThat(listed.get("filename_orig").asString()).isEqualTo("ui.fits");
		assertThat(listed.get("bytes").asLong()).isEqualTo(Files.size(home.resolve("ui.fits")));
		assertThat(listed.has("path")).isFalse();
		assertThat(this.api.get("/files?state=RUNNING").statusCode()).isEqualTo(400);

		String jobId = this.api.submitOk("""
				{"app":"testapp","data_inputs":"%s","job_options":{"message":"hi"},"tag":"ui"}""".formatted(file));
		this.api.awaitState(jobId, JOB_TIMEOUT, JobState.SUCCESS);
		JsonNode job = ApiClient.json(this.api.get("/job/" + jobId));
		assertThat(job.get("app").asString()).isEqualTo("testapp");
		assertThat(job.get("job_options").get("message").asString()).isEqualTo("hi");
		assertThat(job.get("state").asString()).isEqualTo("SUCCESS");
		assertThat(job.get("end_date").asString()).isNotBlank();
		assertThat(this.api.get("/job/" + Ids.newId()).statusCode()).isEqualTo(404);

		assertThat(this.api.get("/job/" + jobId + "/log?tail=1").body()).isEqualTo("testapp done\n");
		assertThat(this.api.get("/job/" + jobId + "/log").body()).startsWith("testapp running\n");
		for (String bad : List.of("0", "x", "10001")) {
			HttpResponse<String> refused = this.api.get("/job/" + jobId + "/log?tail=" + bad);
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			assertThat(ApiClient.json(refused).get("status").asString()).contains("tail");
		}

		Path jobDir = home.resolve("jobs/anonymous/job_" + jobId);
		Files.createSymbolicLink(jobDir.resolve("outside.txt"), home.resolve("ui.fits"));
		List<String> names = ApiClient.json(this.api.get("/job/" + jobId + "/files"))
			.get("files")
			.valueStream()
			.map((f) -> f.get("name").asString())
			.toList();
		assertThat(names).contains("args.txt", "catalog-test.json", "job_" + jobId + ".log")
			.noneMatch((n) -> n.contains("exit_code"))
			.doesNotContain("outside.txt");
		HttpResponse<String> args = this.api.get("/job/" + jobId + "/files/args.txt");
		assertThat(args.body()).contains("--message=hi");
		assertThat(args.headers().firstValue("Content-Disposition").orElseThrow()).contains("args.txt");
		for (String hidden : List.of("outside.txt", "nope.txt", "%2E%2E")) {
			assertThat(this.api.get("/job/" + jobId + "/files/" + hidden).statusCode()).as(hidden).isIn(400, 404);
		}
	}

	@Test
	void deletesFile() throws IOException {
		String file = this.api.uploadOk(TestFits.write(home.resolve("d.fits"), 100, 4), "d.fits");
		Path stored = home.resolve("data/anonymous/" + file + ".fits");
		assertThat(stored).exists();
		assertThat(this.api.get("/delete/" + file).statusCode()).isEqualTo(200);
		assertThat(stored).doesNotExist();
		assertThat(this.api.get("/download/" + file).statusCode()).isEqualTo(404);
		assertThat(this.api.get("/delete/" + file).statusCode()).isEqualTo(404);
		assertThat(this.api.get("/fileids").body()).doesNotContain(file);
	}

	@Test
	void passesShellMetacharactersToTheAppLiterally() throws IOException {
		String file = this.api.uploadOk(TestFits.write(home.resolve("m.fits"), 100, 5), "m.fits");
		Path marker = home.resolve("pwned");
		String hostile = "x$(touch " + marker + ");id>" + home.resolve("p2") + " `touch " + marker + "2` '\"";
		String jobId = this.api.submitOk(ApiClient.JSON.writeValueAsString(
				Map.of("app", "testapp", "data_inputs", file, "job_options", Map.of("message", hostile))));
		assertThat(this.api.awaitState(jobId, JOB_TIMEOUT, JobState.SUCCESS).get("exit_code").asInt()).isZero();
		Path args = home.resolve("jobs/anonymous/job_" + jobId + "/args.txt");
		assertThat(Files.readAllLines(args)).contains("--message=" + hostile);
		assertThat(marker).doesNotExist();
		assertThat(home.resolve("pwned2")).doesNotExist();
		assertThat(home.resolve("p2")).doesNotExist();
	}

	@Test
	void rejectsBadInputWithJsonErrorsAndChangesNothing() throws IOException {
		String file = this.api.uploadOk(TestFits.write(home.resolve("ok.fits"), 100, 6), "ok.fits");
		DataFile foreign = this.files.insert(new DataFile(Ids.newId(), "someone-else", "x.fits", "fits", 1, "",
				home.resolve("ok.fits").toString(), Instant.now(), "", null));
		Path notFits = Files.writeString(home.resolve("bad.fits"), "hello, not FITS");
		Path empty = Files.createFile(home.resolve("empty.fits"));
		Path text = Files.writeString(home.resolve("notes.txt"), "text");
		Path big = TestFits.write(home.resolve("big.fits"), 5 * 1024 * 1024, 7);
		Snapshot before = snapshot();

		Map<String, HttpResponse<String>> responses = new java.util.LinkedHashMap<>();
		responses.put("malformed json", this.api.postJson("/job", "{\"app\": "));
		responses.put("not an object", this.api.postJson("/job", "[1,2]"));
		responses.put("missing app", this.api.postJson("/job", "{\"data_inputs\":\"" + file + "\"}"));
		responses.put("unknown app", job("nope", "\"" + file + "\"", "{}"));
		responses.put("missing data", this.api.postJson("/job", "{\"app\":\"testapp\"}"));
		responses.put("unknown uuid", job("testapp", "\"" + Ids.newId() + "\"", "{}"));
		responses.put("foreign uuid", job("testapp", "\"" + foreign.id() + "\"", "{}"));
		responses.put("unknown option", job("testapp", "\"" + file + "\"", "{\"bogus\":1,\"other\":2}"));
		responses.put("wrong type", job("testapp", "\"" + file + "\"", "{\"exit-code\":\"three\"}"));
		responses.put("out of range", job("testapp", "\"" + file + "\"", "{\"sleep\":1000}"));
		responses.put("not in enum", job("testapp", "\"" + file + "\"", "{\"mode\":\"medium\"}"));
		responses.put("flag not boolean", job("testapp", "\"" + file + "\"", "{\"verbose\":\"yes\"}"));
		responses.put("upload without file", uploadWithoutFile());
		responses.put("empty file", this.api.upload(empty, "empty.fits"));
		responses.put("disallowed extension", this.api.upload(text, "notes.txt"));
		responses.put("not FITS", this.api.upload(notFits, "bad.fits"));
		responses.put("over size limit", this.api.upload(big, "big.fits"));
		responses.put("dot-dot name", this.api.upload(notFits, "../../etc/evil.fits"));
		responses.put("absolute name", this.api.upload(notFits, "/etc/evil.fits"));
		responses.put("unknown route", this.api.get("/nowhere"));
		responses.put("wrong method", this.api.method("DELETE", "/apps"));
		responses.put("unknown job", this.api.get("/job/" + Ids.newId() + "/status"));
		responses.put("malformed job id", this.api.get("/job/..%2F..%2Fetc/status"));

		responses.forEach((name, response) -> {
			assertThat(response.statusCode()).as(name + ": " + response.body()).isBetween(400, 499);
			assertThat(response.headers().firstValue("Content-Type")).as(name)
				.get()
				.asString()
				.contains("application/json");
			JsonNode body = ApiClient.json(response);
			assertThat(body.get("status").asString()).as(name).isNotBlank().doesNotContain("Exception");
		});
		assertThat(responses.get("over size limit").statusCode()).isEqualTo(413);
		assertThat(responses.get("disallowed extension").statusCode()).isEqualTo(415);
		assertThat(ApiClient.json(responses.get("unknown option")).get("problems")).hasSize(2);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void acceptsConcurrentUploads() throws Exception {
		List<Path> sources = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			sources.add(TestFits.write(home.resolve("conc" + i + ".fits"), 50_000 + i * 997, 100 + i));
		}
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		List<java.util.concurrent.Future<String>> uploads = new ArrayList<>();
		for (Path source : sources) {
			uploads.add(pool.submit(() -> this.api.uploadOk(source, source.getFileName().toString())));
		}
		List<String> ids = new ArrayList<>();
		for (var upload : uploads) {
			ids.add(upload.get());
		}
		pool.shutdown();
		assertThat(ids).doesNotHaveDuplicates().hasSize(32);
		for (int i = 0; i < 32; i++) {
			assertThat(this.api.getBytes("/download/" + ids.get(i)).body())
				.isEqualTo(Files.readAllBytes(sources.get(i)));
		}
	}

	private HttpResponse<String> job(String app, String dataInputs, String options) {
		return this.api.postJson("/job",
				"{\"app\":\"" + app + "\",\"data_inputs\":" + dataInputs + ",\"job_options\":" + options + "}");
	}

	private HttpResponse<String> uploadWithoutFile() {
		String boundary = "xyz";
		return this.api.postMultipartRaw(boundary,
				"--xyz\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\nhello\r\n--xyz--\r\n");
	}

	private List<String> archiveEntries(String jobId) throws IOException {
		HttpResponse<InputStream> response = this.api.getStream("/job/" + jobId + "/output");
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(response.body()))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

	private Snapshot snapshot() throws IOException {
		try (Stream<Path> data = Files.walk(home.resolve("data"));
				Stream<Path> jobs = Files.walk(home.resolve("jobs"))) {
			return new Snapshot(data.filter(Files::isRegularFile).map(Path::toString).sorted().toList(),
					jobs.map(Path::toString).sorted().toList(), this.api.get("/jobs").body(),
					this.api.get("/fileids").body());
		}
	}

	record Snapshot(List<String> dataFiles, List<String> jobPaths, String jobs, String fileIds) {
	}

	@Test
	void describesEveryEndpointInTheOpenApiDocument() {
		ApiClient root = new ApiClient(this.port, "");
		HttpResponse<String> response = root.get("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode paths = ApiClient.json(response).get("paths");
		for (var mapping : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : mapping.getPatternValues()) {
				if (pattern.startsWith("/caesar/")) {
					assertThat(paths.has(pattern)).as(pattern + " documented").isTrue();
					for (var method : mapping.getMethodsCondition().getMethods()) {
						JsonNode operation = paths.get(pattern).get(method.name().toLowerCase());
						assertThat(operation).as(method + " " + pattern).isNotNull();
						assertThat(operation.get("summary").asString()).as(method + " " + pattern).isNotBlank();
						assertThat(operation.get("responses").has("401")).as(method + " " + pattern).isTrue();
					}
				}
			}
		}
		assertThat(paths.has("/error")).isFalse();
		JsonNode submit = paths.get("/caesar/api/v1.0/job").get("post");
		assertThat(submit.get("requestBody").get("content").get("application/json").get("example").asString())
			.contains("\"app\"", "callback_url");
		assertThat(submit.get("responses").get("400").get("content").get("application/json")).isNotNull();
		assertThat(paths.get("/caesar/api/v1.0/jobs")
			.get("get")
			.get("parameters")
			.valueStream()
			.map((p) -> p.get("name").asString())).contains("state", "app", "tag", "limit", "before");
		assertThat(paths.get("/caesar/uws/v1.1/{app}/{id}")
			.get("get")
			.get("parameters")
			.valueStream()
			.map((p) -> p.get("name").asString())).contains("app", "id", "WAIT", "PHASE");
		assertThat(paths.get("/caesar/uws/v1.1/{app}").get("post").get("responses").has("303")).isTrue();
		HttpResponse<String> ui = root.get("/swagger-ui/index.html");
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.body()).contains("swagger-ui");
	}

}
