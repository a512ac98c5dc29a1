package io.caesarrest.api.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.caesarrest.api.archive.JobArchive;
import io.caesarrest.api.error.ApiException;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobOutputs;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.JobLaunch;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * Serves a finished job's outputs: the whole job dir as tar.gz, the catalogs and the
 * preview, found through the index written when the job ended.
 */
@RestController
@RequestMapping(API + "/job/{id}")
class JobOutputController {

	private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

	private final JobController jobs;

	private final AppCatalog apps;

	JobOutputController(JobController jobs, AppCatalog apps) {
		this.jobs = jobs;
		this.apps = apps;
	}

	@GetMapping("/output")
	ResponseEntity<StreamingResponseBody> output(@PathVariable String id) {
		Job job = finished(id);
		Path dir = Path.of(job.jobDir());
		if (!Files.isDirectory(dir)) {
			throw missing(id);
		}
		String root = "job_" + job.id();
		StreamingResponseBody body = (out) -> JobArchive.write(dir, root,
				(path) -> !JobLaunch.isServiceFile(path.toString()), out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/gzip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(root + ".tar.gz").build().toString())
			.body(body);
	}

	@GetMapping("/sources")
	ResponseEntity<Resource> sources(@PathVariable String id) {
		return inline(id, JobOutputs.ISLANDS_JSON, MediaType.APPLICATION_JSON);
	}

	@GetMapping("/source-components")
	ResponseEntity<Resource> components(@PathVariable String id) {
		return inline(id, JobOutputs.COMPONENTS_JSON, MediaType.APPLICATION_JSON);
	}

	@GetMapping("/output-sources")
	ResponseEntity<Resource> sourcesFile(@PathVariable String id) {
		return attachment(id, JobOutputs.ISLANDS, TEXT);
	}

	@GetMapping("/output-components")
	ResponseEntity<Resource> componentsFile(@PathVariable String id) {
		return attachment(id, JobOutputs.COMPONENTS, TEXT);
	}

	@GetMapping("/output-plot")
	ResponseEntity<Resource> plot(@PathVariable String id) {
		return attachment(id, JobOutputs.PLOT, MediaType.IMAGE_PNG);
	}

	@GetMapping("/preview")
	Map<String, Object> preview(@PathVariable String id) throws IOException {
		Path plot = output(finished(id), JobOutputs.PLOT);
		return Map.of("status", "", "image", Base64.getEncoder().encodeToString(Files.readAllBytes(plot)));
	}

	private ResponseEntity<Resource> inline(String id, String label, MediaType type) {
		Path file = output(finished(id), label);
		return ResponseEntity.ok().contentType(type).body(new FileSystemResource(file));
	}

	private ResponseEntity<Resource> attachment(String id, String label, MediaType type) {
		Path file = output(finished(id), label);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
			.body(new FileSystemResource(file));
	}

	Job finished(String id) {
		Job job = this.jobs.find(id);
		if (job.state().isActive() || job.state() == JobState.ABORTED) {
			throw new ApiException(HttpStatus.ACCEPTED,
					"Job " + job.id() + " not yet completed (state=" + job.state().label() + "), output not available",
					Map.of("job_id", job.id()));
		}
		return job;
	}

	Path output(Job job, String label) {
		Path dir = Path.of(job.jobDir());
		Optional<String> name = Optional.ofNullable(job.outputs()).map((o) -> o.get(label));
		if (name.isEmpty()) {
			name = Optional.ofNullable(JobOutputs.index(this.apps, job).get(label));
		}
		Path file = name.map(dir::resolve).filter(Files::isRegularFile).orElseThrow(() -> missing(job.id()));
		return file;
	}

	private static ApiException missing(String id) {
		return ApiException.notFound("Cannot find desired output for job " + id + "!");
	}

}
