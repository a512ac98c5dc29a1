package io.caesarrest.api.job;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.caesarrest.api.error.ApiException;
import io.caesarrest.job.Job;
import io.caesarrest.scheduler.JobLaunch;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * A job's log tail and the files in its directory, in any state: what a job page shows
 * while the job runs and the downloads beyond the original's fixed outputs (VOTable, DS9
 * regions).
 */
@RestController
@RequestMapping(API + "/job/{id}")
class JobFilesController {

	static final int MAX_TAIL_LINES = 10_000;

	/**
	 * The most of a log's end read for a tail: long lines are cut rather than read whole.
	 */
	private static final int MAX_TAIL_BYTES = 1 << 20;

	private final JobController jobs;

	JobFilesController(JobController jobs) {
		this.jobs = jobs;
	}

	@GetMapping(path = "/log", produces = "text/plain;charset=UTF-8")
	String log(@PathVariable String id, @RequestParam(defaultValue = "100") String tail) {
		int lines = tailLines(tail);
		Job job = this.jobs.find(id);
		Path log = Path.of(job.jobDir()).resolve("job_" + job.id() + ".log");
		if (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
			return "";
		}
		return tail(log, lines);
	}

	@GetMapping("/files")
	Map<String, Object> files(@PathVariable String id) {
		Path dir = Path.of(this.jobs.find(id).jobDir());
		List<Map<String, Object>> files = new ArrayList<>();
		if (Files.isDirectory(dir)) {
			try (Stream<Path> entries = Files.list(dir)) {
				entries.filter(JobFilesController::isListed).sorted().forEach((path) -> files.add(entry(path)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return Map.of("files", files);
	}

	@GetMapping("/files/{name}")
	ResponseEntity<Resource> file(@PathVariable String id, @PathVariable String name) {
		Job job = this.jobs.find(id);
		Path dir = Path.of(job.jobDir());
		Path file = dir.resolve(name).normalize();
		if (name.contains("/") || name.contains("\\") || !dir.equals(file.getParent()) || !isListed(file)) {
			throw ApiException.notFound("Job " + job.id() + " has no file " + name + "!");
		}
		MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(new FileSystemResource(file));
	}

	private static boolean isListed(Path path) {
		return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
				&& !JobLaunch.isServiceFile(path.getFileName().toString());
	}

	private static Map<String, Object> entry(Path path) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("name", path.getFileName().toString());
		try {
			entry.put("bytes", Files.size(path));
			entry.put("modified", Files.getLastModifiedTime(path).toInstant());
		}
		catch (IOException ex) {
			entry.put("bytes", 0L);
		}
		return entry;
	}

	private static int tailLines(String tail) {
		try {
			int lines = Integer.parseInt(tail);
			if (lines >= 1 && lines <= MAX_TAIL_LINES) {
				return lines;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ApiException.badRequest("tail must be a number of lines from 1 to " + MAX_TAIL_LINES + ", got " + tail);
	}

	/** The last lines of a file, read from its end only. */
	static String tail(Path file, int lines) {
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			int size = (int) Math.min(length, MAX_TAIL_BYTES);
			byte[] bytes = new byte[size];
			in.seek(length - size);
			in.readFully(bytes);
			String text = new String(bytes, StandardCharsets.UTF_8);
			if (text.isEmpty()) {
				return text;
			}
			String[] all = text.split("\n", -1);
			int end = (text.endsWith("\n")) ? all.length - 1 : all.length;
			int start = Math.max((size < length) ? 1 : 0, end - lines);
			return String.join("\n", Arrays.asList(all).subList(Math.min(start, end), end))
					+ ((end > start) ? "\n" : "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

}
