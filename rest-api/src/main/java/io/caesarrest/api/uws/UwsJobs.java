package io.caesarrest.api.uws;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.caesarrest.api.job.JobSubmissions;
import io.caesarrest.api.uws.UwsPendingJobs.Pending;
import io.caesarrest.app.App;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobChange;
import io.caesarrest.job.JobChangedEvent;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.OwnerSequences.OwnerPage;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The UWS view of the jobs: reads a job or a waiting (PENDING) one as a {@link UwsJob},
 * creates, runs, aborts and deletes them through the same checks and states as the REST
 * API. Another owner's job, or a job of another app, does not exist here.
 */
@Component
class UwsJobs {

	private static final Logger log = LoggerFactory.getLogger(UwsJobs.class);

	private static final Set<JobState> ACTIVE = Set.of(JobState.PENDING, JobState.STARTED, JobState.RUNNING);

	private final JobRepository jobs;

	private final UwsPendingJobs pending;

	private final JobSubmissions submissions;

	private final AppCatalog apps;

	private final ObjectMapper json;

	private final ApplicationEventPublisher events;

	private final UwsProperties properties;

	private final @Nullable Duration retention;

	private final ObjectProvider<Scheduler> schedulers;

	private final Clock clock = Clock.systemUTC();

	UwsJobs(JobRepository jobs, UwsPendingJobs pending, JobSubmissions submissions, AppCatalog apps, ObjectMapper json,
			ApplicationEventPublisher events, UwsProperties properties, Environment environment,
			ObjectProvider<Scheduler> schedulers) {
		this.schedulers = schedulers;
		this.jobs = jobs;
		this.pending = pending;
		this.submissions = submissions;
		this.apps = apps;
		this.json = json;
		this.events = events;
		this.properties = properties;
		this.retention = environment.getProperty("caesar.monitor.retention", Duration.class);
	}

	App app(String name) {
		return this.apps.find(name).orElseThrow(() -> UwsException.notFound("No job list " + name + ": unknown app"));
	}

	/**
	 * Creates a job from UWS parameters: checked like a REST submission (nothing is
	 * stored if a check fails), then run at once with {@code PHASE=RUN}, else kept
	 * PENDING.
	 * @return the new job's id
	 */
	String create(App app, UwsParameters parameters, String owner) {
		String id = Ids.newId();
		Job job = this.submissions.prepare(parameters.request(), owner, id);
		if (parameters.run()) {
			this.submissions.submit(parameters.request(), owner, id);
		}
		else {
			this.pending.save(new Pending(id, owner, app.name(), this.json.writeValueAsString(parameters.request()),
					parameters.parameters(), parameters.runId(), job.submitDate()));
		}
		return id;
	}

	/** Runs a PENDING job; a job that already runs or ended is left as it is. */
	void run(String app, String id, String owner) {
		Optional<Pending> waiting = findPending(app, id, owner);
		if (waiting.isEmpty()) {
			find(app, id, owner);
			return;
		}
		JsonNode request = this.json.readTree(waiting.get().request());
		// checked again: the input file may have been deleted meanwhile
		this.submissions.prepare(request, owner, id);
		if (this.pending.remove(id)) {
			this.submissions.submit(request, owner, id);
		}
	}

	/** Aborts a job: a PENDING one ends ABORTED at once, an active one is canceled. */
	void abort(String app, String id, String owner) {
		if (findPending(app, id, owner).isPresent()) {
			this.pending.remove(id);
			return;
		}
		Job job = find(app, id, owner);
		if (job.state().isActive() && this.jobs.transition(id, ACTIVE,
				JobChange.to(JobState.CANCELED, "Job aborted by user").exitCode(-1).ended(this.clock.instant()))) {
			this.events.publishEvent(new JobChangedEvent(id, job.scheduler()));
		}
	}

	/**
	 * Deletes a job: aborted first if it runs, then its record and, once ended, its
	 * directory.
	 */
	void delete(String app, String id, String owner) {
		if (findPending(app, id, owner).isPresent()) {
			this.pending.remove(id);
			return;
		}
		Job job = find(app, id, owner);
		abort(app, id, owner);
		if (job.state().isActive()) {
			// the engine stops canceled jobs it can still find: this one is about to go
			stopInBackend(id);
		}
		this.jobs.delete(id);
		if (job.state().isTerminal()) {
			try {
				FileSystemUtils.deleteRecursively(Path.of(job.jobDir()));
			}
			catch (IOException ex) {
				// the retention pass removes directories whose job is gone
			}
		}
	}

	private void stopInBackend(String id) {
		Scheduler scheduler = this.schedulers.getIfAvailable();
		Job current = this.jobs.findById(id).orElse(null);
		if (scheduler == null || current == null || current.schedulerRef() == null
				|| !scheduler.name().equals(current.scheduler())) {
			return;
		}
		try {
			scheduler.cancel(new SchedulerRef(current.schedulerRef()));
		}
		catch (SchedulerException ex) {
			log.warn("Job {} deleted, but {} could not be told to stop it: {}", id, scheduler.name(), ex.getMessage());
		}
	}

	UwsJob view(String app, String id, String owner, String base) {
		Optional<Pending> waiting = findPending(app, id, owner);
		if (waiting.isPresent()) {
			return view(waiting.get());
		}
		return view(find(app, id, owner), base);
	}

	/**
	 * An owner's jobs of an app, newest first: the PENDING ones, then those of the
	 * engine.
	 * @param filter which to keep
	 * @param last the most to return, or -1 for all
	 */
	List<UwsJob> list(String app, String owner, JobFilter filter, int last, String base) {
		List<UwsJob> list = new ArrayList<>();
		this.pending.findByOwner(owner)
			.stream()
			.filter((waiting) -> waiting.app().equals(app) && !expired(waiting))
			.map(this::view)
			.filter(filter::accepts)
			.sorted((a, b) -> b.creationTime().compareTo(a.creationTime()))
			.forEach(list::add);
		Long before = null;
		do {
			OwnerPage<Job> page = this.jobs.findByOwner(owner, before, 200, (job) -> job.app().equals(app));
			for (Job job : page.items()) {
				if (filter.isBeforeAfter(job.submitDate())) {
					return limit(list, last);
				}
				UwsJob view = view(job, base);
				if (filter.accepts(view)) {
					list.add(view);
				}
			}
			before = page.next();
		}
		while (before != null && (last < 0 || list.size() < last));
		return limit(list, last);
	}

	private static List<UwsJob> limit(List<UwsJob> list, int last) {
		return (last >= 0 && list.size() > last) ? List.copyOf(list.subList(0, last)) : list;
	}

	Job find(String app, String id, String owner) {
		return Optional.of(id)
			.filter(Ids::isId)
			.flatMap((jobId) -> this.jobs.findOwned(jobId, owner))
			.filter((job) -> job.app().equals(app))
			.orElseThrow(() -> UwsException.notFound("Job " + id + " not found in job list " + app));
	}

	Optional<Pending> findPending(String app, String id, String owner) {
		if (!Ids.isId(id)) {
			return Optional.empty();
		}
		Optional<Pending> waiting = this.pending.find(id).filter((p) -> p.owner().equals(owner) && p.app().equals(app));
		if (waiting.isPresent() && expired(waiting.get())) {
			this.pending.remove(id);
			return Optional.empty();
		}
		return waiting;
	}

	private boolean expired(Pending waiting) {
		return waiting.created().plus(this.properties.pendingLifetime()).isBefore(this.clock.instant());
	}

	private UwsJob view(Pending waiting) {
		App app = this.apps.find(waiting.app()).orElse(null);
		long limit = (app != null && app.resources().maxRunTime() != null) ? app.resources().maxRunTime().toSeconds()
				: 0;
		return new UwsJob(waiting.id(), waiting.app(), waiting.owner(), waiting.runId(), UwsPhase.PENDING,
				waiting.created(), null, null, limit, waiting.created().plus(this.properties.pendingLifetime()),
				waiting.parameters(), List.of(), null);
	}

	private UwsJob view(Job job, String base) {
		UwsPhase phase = UwsPhase.of(job.state());
		Instant destruction = (this.retention != null && job.endDate() != null) ? job.endDate().plus(this.retention)
				: null;
		return new UwsJob(job.id(), job.app(), job.owner(), job.tag(), phase, job.submitDate(), job.startDate(),
				job.endDate(), job.maxRunTimeSeconds(), destruction, parameters(job),
				job.state().isTerminal() ? UwsResults.of(this.apps, job, base) : List.of(),
				(phase == UwsPhase.ERROR) ? job.status() + " (exit code " + job.exitCode() + ")" : null);
	}

	private static Map<String, String> parameters(Job job) {
		Map<String, String> parameters = new LinkedHashMap<>();
		Object data = job.dataInputs();
		if (data instanceof Map<?, ?> map && map.get("data") != null) {
			data = map.get("data");
		}
		if (data != null) {
			parameters.put("data", String.valueOf(data));
		}
		if (job.options() != null) {
			job.options().forEach((name, value) -> parameters.put(name, String.valueOf(value)));
		}
		if (job.callbackUrl() != null) {
			parameters.put("callback_url", job.callbackUrl());
		}
		return parameters;
	}

	/**
	 * The list filters of UWS 1.1: any of the phases, and created after a time.
	 *
	 * @param phases the phases to keep, empty for all but ARCHIVED
	 * @param after the creation time to keep jobs after, or null
	 */
	record JobFilter(Set<UwsPhase> phases, @Nullable Instant after) {

		boolean accepts(UwsJob job) {
			boolean phase = this.phases.isEmpty() ? job.phase() != UwsPhase.ARCHIVED
					: this.phases.contains(job.phase());
			return phase && (this.after == null || job.creationTime().isAfter(this.after));
		}

		/**
		 * Whether a job created at this time, and all older ones, are excluded by AFTER.
		 */
		boolean isBeforeAfter(Instant creation) {
			return this.after != null && !creation.isAfter(this.after);
		}

	}

}
