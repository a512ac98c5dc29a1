package io.caesarrest.api.job;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.caesarrest.api.caller.Callers;
import io.caesarrest.api.error.ApiException;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobChange;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.storage.Ids;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * Submits, lists, reports and cancels jobs.
 */
@RestController
@RequestMapping(API)
class JobController {

	private static final Set<JobState> ACTIVE = Set.of(JobState.PENDING, JobState.STARTED, JobState.RUNNING);

	private final JobSubmissions submissions;

	private final JobRepository jobs;

	private final Callers callers;

	private final Clock clock = Clock.systemUTC();

	JobController(JobSubmissions submissions, JobRepository jobs, Callers callers) {
		this.submissions = submissions;
		this.jobs = jobs;
		this.callers = callers;
	}

	@PostMapping("/job")
	ResponseEntity<Map<String, Object>> submit(@RequestBody(required = false) byte[] body) {
		Job job = this.submissions.submit(body, this.callers.current());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(JobViews.submitted(job));
	}

	@GetMapping("/jobs")
	List<Map<String, Object>> jobs() {
		return this.jobs.findByOwner(this.callers.current())
			.stream()
			.map((job) -> JobViews.listed(job, this.clock.instant()))
			.toList();
	}

	@GetMapping("/job/{id}/status")
	Map<String, Object> status(@PathVariable String id) {
		return JobViews.status(find(id), this.clock.instant());
	}

	@RequestMapping(path = "/job/{id}/cancel", method = { RequestMethod.GET, RequestMethod.POST })
	Map<String, Object> cancel(@PathVariable String id) {
		Job job = find(id);
		while (job.state().isActive()) {
			boolean canceled = this.jobs.transition(id, ACTIVE,
					JobChange.to(JobState.CANCELED, "Job canceled by user").exitCode(-1).ended(this.clock.instant()));
			if (canceled) {
				return Map.of("status", "Job canceled and status updated in DB");
			}
			job = find(id);
		}
		return Map.of("status",
				"Job " + id + " already completed with state " + job.state().label() + ", nothing to be canceled.");
	}

	Job find(String id) {
		if (!Ids.isId(id)) {
			throw notFound(id);
		}
		return this.jobs.findOwned(id, this.callers.current()).orElseThrow(() -> notFound(id));
	}

	private ApiException notFound(String id) {
		return ApiException.notFound("Job " + id + " not found for user " + this.callers.current() + "!");
	}

}
