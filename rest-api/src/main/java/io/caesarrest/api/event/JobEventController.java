package io.caesarrest.api.event;

import io.caesarrest.api.caller.Callers;
import io.caesarrest.api.error.ApiException;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobRepository;
import io.caesarrest.storage.Ids;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * Server-Sent Event streams of the caller's job state changes: {@code event: status} with
 * the job's status document per change, and on a one-job stream its current status first
 * and {@code event: end} after its terminal state; {@code Last-Event-ID} resumes.
 */
@RestController
@RequestMapping(API)
class JobEventController {

	private final JobEventHub hub;

	private final JobRepository jobs;

	private final Callers callers;

	JobEventController(JobEventHub hub, JobRepository jobs, Callers callers) {
		this.hub = hub;
		this.jobs = jobs;
		this.callers = callers;
	}

	@GetMapping("/jobs/events")
	SseEmitter allJobs(@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		SseEmitter emitter = new SseEmitter(0L);
		this.hub.open(this.callers.current(), null, cursor(lastEventId), emitter);
		return emitter;
	}

	@GetMapping("/job/{id}/events")
	SseEmitter oneJob(@PathVariable String id,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		String owner = this.callers.current();
		Job job = (Ids.isId(id) ? this.jobs.findOwned(id, owner) : java.util.Optional.<Job>empty())
			.orElseThrow(() -> ApiException.notFound("Job " + id + " not found for user " + owner + "!"));
		SseEmitter emitter = new SseEmitter(0L);
		this.hub.open(owner, job, cursor(lastEventId), emitter);
		return emitter;
	}

	private static @Nullable Long cursor(@Nullable String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(lastEventId.trim());
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("Last-Event-ID must be an event id this service sent, not " + lastEventId);
		}
	}

}
