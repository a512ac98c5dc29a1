package io.caesarrest.api.job;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.caesarrest.api.caller.Callers;
import io.caesarrest.api.error.ApiException;
import io.caesarrest.api.listing.ListParameters;
import io.caesarrest.api.quota.Quotas;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobChange;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobChangedEvent;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.OwnerSequences.OwnerPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * Submits, lists, reports and cancels jobs.
 */
@RestController
@RequestMapping(API)
class JobController {

	private static final Logger log = LoggerFactory.getLogger(JobController.class);

	private static final Set<JobState> ACTIVE = Set.of(JobState.PENDING, JobState.STARTED, JobState.RUNNING);

	private final JobSubmissions submissions;

	private final JobRepository jobs;

	private final Callers callers;

	private final ObjectProvider<Scheduler> schedulers;

	private final ApplicationEventPublisher events;

	private final Quotas quotas;

	private final Clock clock = Clock.systemUTC();

	JobController(JobSubmissions submissions, JobRepository jobs, Callers callers, ObjectProvider<Scheduler> schedulers,
			ApplicationEventPublisher events, Quotas quotas) {
		this.submissions = submissions;
		this.jobs = jobs;
		this.callers = callers;
		this.schedulers = schedulers;
		this.events = events;
		this.quotas = quotas;
	}

	@PostMapping("/job")
	ResponseEntity<Map<String, Object>> submit(@RequestBody(required = false) byte[] body) {
		this.quotas.checkSubmission(this.callers.current());
		Job job = this.submissions.submit(body, this.callers.current());
		MDC.put("job_id", job.id());
		log.info("Job {} submitted: app {}", job.id(), job.app());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(JobViews.submitted(job));
	}

	@GetMapping("/jobs")
	ResponseEntity<List<Map<String, Object>>> jobs(@RequestParam Map<String, String> parameters) {
		ListParameters list = ListParameters.of(parameters);
		OwnerPage<Job> page = this.jobs.findByOwner(this.callers.current(), list.before(), list.limit(),
				list.filter((p, job) -> p.accepts(job.state(), job.app(), job.tag(), job.submitDate())));
		Instant now = this.clock.instant();
		return ResponseEntity.ok()
			.headers(ListParameters.nextPage(page.next()))
			.body(page.items().stream().map((job) -> JobViews.listed(job, now)).toList());
	}

	/** One job as {@code /jobs} lists it: options, inputs, state and times. */
	@GetMapping("/job/{id}")
	Map<String, Object> job(@PathVariable String id) {
		return JobViews.listed(find(id), this.clock.instant());
	}

	@GetMapping("/job/{id}/status")
	Map<String, Object> status(@PathVariable String id) {
		return JobViews.status(find(id), this.clock.instant());
	}

	@RequestMapping(path = "/job/{id}/cancel", method = { RequestMethod.GET, RequestMethod.POST })
	Map<String, Object> cancel(@PathVariable String id) {
		Job job = cancelable(id);
		while (job.state().isActive()) {
			boolean canceled = this.jobs.transition(id, ACTIVE,
					JobChange.to(JobState.CANCELED, "Job canceled by user").exitCode(-1).ended(this.clock.instant()));
			if (canceled) {
				MDC.put("job_id", id);
				log.info("Job {} canceled by its owner", id);
				stopInBackend(job);
				this.events.publishEvent(new JobChangedEvent(id, job.scheduler()));
				return Map.of("status", "Job canceled and status updated in DB");
			}
			job = cancelable(id);
		}
		return Map.of("status",
				"Job " + id + " already completed with state " + job.state().label() + ", nothing to be canceled.");
	}

	/**
	 * Asks the backend to stop the job at once; if it cannot be reached now, or the job
	 * is not submitted yet, the job engine does it (it also sees the canceled state).
	 */
	private void stopInBackend(Job job) {
		Scheduler scheduler = this.schedulers.getIfAvailable();
		Job current = this.jobs.findById(job.id()).orElse(job);
		if (scheduler == null || current.schedulerRef() == null || !scheduler.name().equals(current.scheduler())) {
			return;
		}
		try {
			scheduler.cancel(new SchedulerRef(current.schedulerRef()));
		}
		catch (SchedulerException ex) {
			log.warn("Job {} canceled, but {} could not be told yet: {}", job.id(), scheduler.name(), ex.getMessage());
		}
	}

	/** The caller's job, or any job for an admin. */
	private Job cancelable(String id) {
		if (!this.callers.isAdmin()) {
			return find(id);
		}
		return Optional.of(id).filter(Ids::isId).flatMap(this.jobs::findById).orElseThrow(() -> notFound(id));
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
