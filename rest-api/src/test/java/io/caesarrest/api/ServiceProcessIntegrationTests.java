package io.caesarrest.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.caesarrest.job.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a real process: killed with SIGKILL and restarted, and given a 2 GB
 * upload with a 256 MB heap.
 */
class ServiceProcessIntegrationTests {

	@TempDir
	Path home;

	@Test
	void recoversJobsAndKeepsDataAfterKill9() throws Exception {
		Path log = this.home.resolve("service.log");
		String fileId;
		String survivor;
		String orphan;
		long orphanPid;
		try (ServiceProcess service = ServiceProcess.start(this.home, log, List.of())) {
			ApiClient api = service.api();
			fileId = api.uploadOk(TestFits.write(this.home.resolve("in.fits"), 1000, 1), "in.fits");
			survivor = api.submitOk(job(fileId, 4));
			orphan = api.submitOk(job(fileId, 300));
			api.awaitState(survivor, Duration.ofSeconds(30), JobState.RUNNING);
			orphanPid = Long
				.parseLong(api.awaitState(orphan, Duration.ofSeconds(30), JobState.RUNNING).get("pid").asString());
			service.kill();
		}
		// the service is gone; one job keeps running, the other dies with it for good
		ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroyForcibly);
		try (ServiceProcess service = ServiceProcess.start(this.home, log, List.of())) {
			ApiClient api = service.api();
			assertThat(api.get("/fileids").body()).contains(fileId);
			JsonNode recovered = api.awaitState(survivor, Duration.ofSeconds(60), JobState.SUCCESS, JobState.FAILURE);
			assertThat(recovered.get("state").asString()).as(recovered.toString()).isEqualTo("SUCCESS");
			assertThat(recovered.get("exit_code").asInt()).isZero();
			JsonNode lost = api.awaitState(orphan, Duration.ofSeconds(60), JobState.FAILURE, JobState.SUCCESS,
					JobState.CANCELED);
			assertThat(lost.get("state").asString()).isEqualTo("FAILURE");
			assertThat(lost.get("status").asString()).contains("lost");
			assertThat(api.get("/job/" + survivor + "/sources").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void acknowledgedUploadSurvivesKill9() throws Exception {
		Path log = this.home.resolve("service.log");
		String fileId;
		try (ServiceProcess service = ServiceProcess.start(this.home, log, List.of())) {
			fileId = service.api().uploadOk(TestFits.write(this.home.resolve("a.fits"), 100, 2), "a.fits");
			service.kill();
		}
		try (ServiceProcess service = ServiceProcess.start(this.home, log, List.of())) {
			HttpResponse<byte[]> download = service.api().getBytes("/download/" + fileId);
			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(download.body()).isEqualTo(Files.readAllBytes(this.home.resolve("a.fits")));
		}
	}

	@Test
	void streamsTwoGigabyteUploadWithSmallHeap() throws Exception {
		long dataBytes = 2_000_000_000L;
		Path log = this.home.resolve("service.log");
		try (ServiceProcess service = ServiceProcess.start(this.home, log, List.of("-Xmx256m"))) {
			ApiClient api = service.api();
			MessageDigest sent = MessageDigest.getInstance("SHA-256");
			HttpResponse<String> upload = api.upload(() -> BodyPublishers.ofInputStream(() -> new DigestInputStream(
					new SequenceInputStream(new java.io.ByteArrayInputStream(TestFits.header(dataBytes)),
							new PatternStream(dataBytes)),
					sent)), "huge.fits", Map.of("tag", "big"));
			assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
			JsonNode body = ApiClient.json(upload);
			assertThat(body.get("bytes").asLong()).isEqualTo(2880 + dataBytes);
			assertThat(body.get("tag").asString()).isEqualTo("big");
			MessageDigest received = MessageDigest.getInstance("SHA-256");
			HttpResponse<InputStream> download = api.getStream("/download/" + body.get("uuid").asString());
			try (InputStream in = new DigestInputStream(download.body(), received)) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			byte[] sentDigest = sent.digest();
			assertThat(received.digest()).isEqualTo(sentDigest);
			assertThat(body.get("sha256").asString()).isEqualTo(java.util.HexFormat.of().formatHex(sentDigest));
		}
	}

	private static String job(String fileId, int sleep) {
		return """
				{"app":"testapp","data_inputs":"%s","job_options":{"sleep":%d}}""".formatted(fileId, sleep);
	}

	/** A long deterministic byte stream that is not all zeros, made on the fly. */
	static final class PatternStream extends InputStream {

		private long left;

		PatternStream(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			if (this.left <= 0) {
				return -1;
			}
			return (int) (this.left-- * 31 & 0xff);
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (this.left <= 0) {
				return -1;
			}
			int n = (int) Math.min(len, this.left);
			for (int i = 0; i < n; i++) {
				b[off + i] = (byte) (this.left-- * 31);
			}
			return n;
		}

	}

}
