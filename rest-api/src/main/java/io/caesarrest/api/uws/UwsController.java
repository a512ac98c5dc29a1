package io.caesarrest.api.uws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.caesarrest.api.archive.JobArchive;
import io.caesarrest.api.caller.Callers;
import io.caesarrest.api.event.JobEventHub;
import io.caesarrest.api.quota.Quotas;
import io.caesarrest.app.App;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.Job;
import io.caesarrest.scheduler.JobLaunch;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * IVOA UWS 1.1 (REC-UWS-1.1-20161024) job lists, one per app, at {@value #UWS}/{app}.
 */
@RestController
@RequestMapping(UwsController.UWS + "/{app}")
class UwsController {

	/** The path prefix of the UWS job lists. */
	static final String UWS = "/caesar/uws/v1.1";

	private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

	private final UwsJobs jobs;

	private final Callers callers;

	private final Quotas quotas;

	private final JobEventHub events;

	private final UwsProperties properties;

	private final AppCatalog apps;

	UwsController(UwsJobs jobs, Callers callers, Quotas quotas, JobEventHub events, UwsProperties properties,
			AppCatalog apps) {
		this.apps = apps;
		this.jobs = jobs;
		this.callers = callers;
		this.quotas = quotas;
		this.events = events;
		this.properties = properties;
	}

	@GetMapping
	ResponseEntity<String> list(@PathVariable String app, @RequestParam MultiValueMap<String, String> query) {
		this.jobs.app(app);
		MultiValueMap<String, String> params = UwsQuery.upper(query);
		Set<UwsPhase> phases = EnumSet.noneOf(UwsPhase.class);
		for (String phase : params.getOrDefault("PHASE", List.of())) {
			phases.add(UwsQuery.phase(phase));
		}
		Instant after = (params.getFirst("AFTER") != null) ? UwsQuery.instant(params.getFirst("AFTER")) : null;
		int last = (params.getFirst("LAST") != null) ? UwsQuery.positive("LAST", params.getFirst("LAST")) : -1;
		List<UwsJob> list = this.jobs.list(app, this.callers.current(), new UwsJobs.JobFilter(phases, after), last,
				base(app));
		return xml(UwsXml.jobs(list, base(app)));
	}

	@PostMapping
	ResponseEntity<Void> create(@PathVariable String app, @RequestParam MultiValueMap<String, String> form) {
		App found = this.jobs.app(app);
		UwsParameters parameters = UwsParameters.of(found, form);
		String owner = this.callers.current();
		if (parameters.run()) {
			this.quotas.checkSubmission(owner);
		}
		String id = this.jobs.create(found, parameters, owner);
		return seeOther(base(app) + "/" + id);
	}

	@GetMapping("/{id}")
	DeferredResult<ResponseEntity<String>> job(@PathVariable String app, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> query) {
		MultiValueMap<String, String> params = UwsQuery.upper(query);
		String owner = this.callers.current();
		String base = base(app);
		DeferredResult<ResponseEntity<String>> result = new DeferredResult<>();
		String wait = params.getFirst("WAIT");
		UwsJob current = this.jobs.view(app, id, owner, base);
		if (wait == null) {
			result.setResult(xml(UwsXml.job(current)));
			return result;
		}
		Duration limit = waitLimit(wait);
		UwsPhase awaited = (params.getFirst("PHASE") != null) ? UwsQuery.phase(params.getFirst("PHASE")) : null;
		var change = this.events.nextChange(id, limit);
		current = this.jobs.view(app, id, owner, base);
		if (!UwsPhase.ACTIVE.contains(current.phase()) || (awaited != null && current.phase() != awaited)
				|| limit.isZero()) {
			change.cancel(false);
			result.setResult(xml(UwsXml.job(current)));
			return result;
		}
		change.whenComplete((changed, ex) -> result.setResult(render(app, id, owner, base)));
		return result;
	}

	private ResponseEntity<String> render(String app, String id, String owner, String base) {
		try {
			return xml(UwsXml.job(this.jobs.view(app, id, owner, base)));
		}
		catch (UwsException ex) {
			return ResponseEntity.status(ex.status()).contentType(TEXT).body(ex.getMessage() + "\n");
		}
	}

	@PostMapping("/{id}")
	ResponseEntity<Void> update(@PathVariable String app, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form) {
		MultiValueMap<String, String> params = UwsQuery.upper(form);
		String action = params.getFirst("ACTION");
		if (action != null) {
			if (!action.equalsIgnoreCase("DELETE")) {
				throw UwsException.badRequest("ACTION can only be DELETE, not " + action);
			}
			return delete(app, id);
		}
		if (params.getFirst("PHASE") != null) {
			return phase(app, id, form);
		}
		this.jobs.view(app, id, this.callers.current(), base(app));
		throw UwsException.badRequest("Nothing to do: give PHASE=RUN, PHASE=ABORT or ACTION=DELETE");
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String app, @PathVariable String id) {
		this.jobs.delete(app, id, this.callers.current());
		return seeOther(base(app));
	}

	@GetMapping("/{id}/phase")
	ResponseEntity<String> phase(@PathVariable String app, @PathVariable String id) {
		return text(this.jobs.view(app, id, this.callers.current(), base(app)).phase().name());
	}

	@PostMapping("/{id}/phase")
	ResponseEntity<Void> phase(@PathVariable String app, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form) {
		String phase = String.valueOf(UwsQuery.upper(form).getFirst("PHASE"));
		String owner = this.callers.current();
		switch (phase.toUpperCase(Locale.ROOT)) {
			case "RUN" -> {
				if (this.jobs.findPending(app, id, owner).isPresent()) {
					this.quotas.checkSubmission(owner);
				}
				this.jobs.run(app, id, owner);
			}
			case "ABORT" -> this.jobs.abort(app, id, owner);
			default -> throw UwsException.badRequest("PHASE can be RUN or ABORT, not " + phase);
		}
		return seeOther(base(app) + "/" + id);
	}

	@GetMapping("/{id}/executionduration")
	ResponseEntity<String> executionDuration(@PathVariable String app, @PathVariable String id) {
		return text(Long.toString(view(app, id).executionDuration()));
	}

	@GetMapping("/{id}/destruction")
	ResponseEntity<String> destruction(@PathVariable String app, @PathVariable String id) {
		Instant destruction = view(app, id).destruction();
		return text((destruction != null) ? UwsXml.date(destruction) : "");
	}

	/**
	 * The service keeps its own time limit and destruction time, as UWS allows: a request
	 * to change them is answered with the job, unchanged.
	 */
	@PostMapping({ "/{id}/executionduration", "/{id}/destruction", "/{id}/parameters" })
	ResponseEntity<Void> unchanged(@PathVariable String app, @PathVariable String id) {
		view(app, id);
		return seeOther(base(app) + "/" + id);
	}

	@GetMapping("/{id}/error")
	ResponseEntity<String> error(@PathVariable String app, @PathVariable String id) {
		String error = view(app, id).error();
		if (error == null) {
			throw UwsException.notFound("Job " + id + " is not in the ERROR phase");
		}
		return text(error);
	}

	@GetMapping("/{id}/quote")
	ResponseEntity<String> quote(@PathVariable String app, @PathVariable String id) {
		view(app, id);
		return text("");
	}

	@GetMapping("/{id}/owner")
	ResponseEntity<String> owner(@PathVariable String app, @PathVariable String id) {
		return text(view(app, id).owner());
	}

	@GetMapping("/{id}/parameters")
	ResponseEntity<String> parameters(@PathVariable String app, @PathVariable String id) {
		return xml(UwsXml.parameters(view(app, id).parameters()));
	}

	@GetMapping("/{id}/results")
	ResponseEntity<String> results(@PathVariable String app, @PathVariable String id) {
		return xml(UwsXml.results(view(app, id).results()));
	}

	@GetMapping("/{id}/results/{result}")
	ResponseEntity<StreamingResponseBody> result(@PathVariable String app, @PathVariable String id,
			@PathVariable String result) {
		Job job = this.jobs.find(app, id, this.callers.current());
		if (!job.state().isTerminal()) {
			throw UwsException.notFound("Job " + id + " has no results yet (phase " + UwsPhase.of(job.state()) + ")");
		}
		if (result.equals(UwsResults.ARCHIVE)) {
			Path dir = Path.of(job.jobDir());
			String root = "job_" + job.id();
			StreamingResponseBody body = (out) -> JobArchive.write(dir, root,
					(path) -> !path.toString().equals(JobLaunch.EXIT_CODE_FILE), out);
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/gzip"))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(root + ".tar.gz").build().toString())
				.body(body);
		}
		Path file = UwsResults.file(this.apps, job, result)
			.orElseThrow(() -> UwsException.notFound("Job " + id + " has no result " + result));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(UwsResults.mimeType(file.getFileName().toString())))
			.contentLength(file.toFile().length())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(file.getFileName().toString()).build().toString())
			.body((out) -> Files.copy(file, out));
	}

	private UwsJob view(String app, String id) {
		return this.jobs.view(app, id, this.callers.current(), base(app));
	}

	private Duration waitLimit(String wait) {
		long seconds;
		try {
			seconds = Long.parseLong(wait.trim());
		}
		catch (NumberFormatException ex) {
			throw UwsException.badRequest("WAIT must be a whole number of seconds, not " + wait);
		}
		Duration max = this.properties.maxWait();
		return (seconds < 0 || seconds > max.toSeconds()) ? max : Duration.ofSeconds(seconds);
	}

	private static String base(String app) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(UWS + "/" + app).build().toUriString();
	}

	private static ResponseEntity<Void> seeOther(String location) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
	}

	private static ResponseEntity<String> xml(String body) {
		return ResponseEntity.ok().contentType(XML).body(body);
	}

	private static ResponseEntity<String> text(String body) {
		return ResponseEntity.ok().contentType(TEXT).body(body);
	}

}
