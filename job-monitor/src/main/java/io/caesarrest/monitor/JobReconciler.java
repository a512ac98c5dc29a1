package io.caesarrest.monitor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobChange;
import io.caesarrest.job.JobOutputs;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.job.Transition;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps the states of a remote scheduler's jobs true: one batch poll per cycle, a
 * compare-and-set write only for jobs that changed, no failure while the scheduler is
 * unreachable, and a second cancel for canceled jobs the scheduler still runs.
 */
public class JobReconciler {

	private static final Logger log = LoggerFactory.getLogger(JobReconciler.class);

	private final JobRepository jobs;

	private final Scheduler scheduler;

	private final AppCatalog apps;

	private final MonitorProperties properties;

	private final Clock clock;

	private final Map<String, Integer> misses = new HashMap<>();

	private Instant unreachableSince;

	private Cycle lastCycle = new Cycle(0, 0, 0);

	private final Counter cycles;

	private final Counter polls;

	private final Counter writes;

	public JobReconciler(JobRepository jobs, Scheduler scheduler, AppCatalog apps, MonitorProperties properties,
			Clock clock) {
		this(jobs, scheduler, apps, properties, clock, new SimpleMeterRegistry());
	}

	public JobReconciler(JobRepository jobs, Scheduler scheduler, AppCatalog apps, MonitorProperties properties,
			Clock clock, MeterRegistry meters) {
		this.cycles = meters.counter("caesar.monitor.cycles", "scheduler", scheduler.name());
		this.polls = meters.counter("caesar.monitor.scheduler.polls", "scheduler", scheduler.name());
		this.writes = meters.counter("caesar.monitor.job.writes", "scheduler", scheduler.name());
		this.jobs = jobs;
		this.scheduler = scheduler;
		this.apps = apps;
		this.properties = properties;
		this.clock = clock;
	}

	/** Runs one reconciliation and returns what it did. */
	public synchronized Cycle reconcile() {
		Instant now = this.clock.instant();
		List<Job> active = this.jobs.findActive(this.scheduler.name())
			.stream()
			.filter((job) -> job.schedulerRef() != null)
			.toList();
		List<Job> canceled = this.jobs.findCanceledSince(this.scheduler.name(),
				now.minus(this.properties.canceledWindow()));
		if (active.isEmpty() && canceled.isEmpty()) {
			return record(new Cycle(0, 0, 0));
		}
		List<SchedulerRef> refs = new ArrayList<>();
		active.forEach((job) -> refs.add(new SchedulerRef(job.schedulerRef())));
		canceled.forEach((job) -> refs.add(new SchedulerRef(job.schedulerRef())));
		Map<SchedulerRef, Execution> executions;
		try {
			executions = this.scheduler.poll(refs);
		}
		catch (SchedulerException ex) {
			markUnreachable(active, ex);
			return record(new Cycle(active.size(), 1, 0));
		}
		this.unreachableSince = null;
		int writes = 0;
		List<Transition> batch = new ArrayList<>();
		for (Job job : active) {
			writes += apply(job, executions.get(new SchedulerRef(job.schedulerRef())), batch) ? 1 : 0;
		}
		writes += write(batch);
		stopCanceled(canceled, executions);
		return record(new Cycle(active.size(), 1, writes));
	}

	/** Since when the scheduler has been unreachable, or null while it answers. */
	public Instant unreachableSince() {
		return this.unreachableSince;
	}

	/** What the last cycle did. */
	public Cycle lastCycle() {
		return this.lastCycle;
	}

	/**
	 * Works out what a poll means for a job: a state change joins the batch, a status
	 * change is written at once (rare), nothing else is written.
	 * @return whether a status was written
	 */
	private boolean apply(Job job, Execution execution, List<Transition> batch) {
		if (execution == null) {
			int missed = this.misses.merge(job.id(), 1, Integer::sum);
			if (missed >= this.properties.lostAfter()) {
				this.misses.remove(job.id());
				batch.add(end(job,
						JobChange.to(JobState.FAILURE,
								"Job lost by the scheduler: it no longer knows the job and the job left no exit code")
							.exitCode(-1)
							.ended(this.clock.instant())));
			}
			return false;
		}
		this.misses.remove(job.id());
		JobState target = execution.state();
		if (target == job.state()) {
			if (Objects.equals(execution.message(), job.status())) {
				return false;
			}
			this.jobs.updateStatus(job.id(), job.state(), execution.message());
			return true;
		}
		JobChange change = JobChange.to(target, execution.message());
		if (execution.start() != null) {
			change.started(execution.start());
		}
		if (target.isTerminal()) {
			change.exitCode((execution.exitCode() != null) ? execution.exitCode() : -1)
				.ended((execution.end() != null) ? execution.end() : this.clock.instant());
			batch.add(end(job, change));
		}
		else {
			batch.add(new Transition(job, change));
		}
		return false;
	}

	private Transition end(Job job, JobChange change) {
		change.outputs(this.apps.find(job.app())
			.map((app) -> JobOutputs.index(app.outputs(), Path.of(job.jobDir())))
			.orElse(Map.of()));
		return new Transition(job, change);
	}

	/**
	 * Writes the batch of state changes in one command; returns how many jobs changed.
	 */
	private int write(List<Transition> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		Set<String> changed = this.jobs.transitionAll(batch);
		for (Transition transition : batch) {
			if (transition.change().target().isTerminal() && changed.contains(transition.job().id())) {
				try (MDC.MDCCloseable jobId = MDC.putCloseable("job_id", transition.job().id())) {
					log.info("Job {} ended {}", transition.job().id(), transition.change().target().label());
				}
			}
		}
		return changed.size();
	}

	private void stopCanceled(List<Job> canceled, Map<SchedulerRef, Execution> executions) {
		for (Job job : canceled) {
			SchedulerRef ref = new SchedulerRef(job.schedulerRef());
			Execution execution = executions.get(ref);
			if (execution != null && execution.state().isActive()) {
				try {
					this.scheduler.cancel(ref);
				}
				catch (SchedulerException ex) {
					log.warn("Cannot cancel job {} yet: {}", job.id(), ex.getMessage());
				}
			}
		}
	}

	private void markUnreachable(List<Job> active, SchedulerException ex) {
		if (this.unreachableSince == null) {
			this.unreachableSince = this.clock.instant();
		}
		String status = "Scheduler " + this.scheduler.name() + " unreachable since " + this.unreachableSince
				+ "; state as last known (" + ex.getMessage() + ")";
		for (Job job : active) {
			if (!status.equals(job.status())) {
				this.jobs.updateStatus(job.id(), job.state(), status);
			}
		}
		log.warn("Scheduler {} unreachable: {}", this.scheduler.name(), ex.getMessage());
	}

	private Cycle record(Cycle cycle) {
		this.lastCycle = cycle;
		this.cycles.increment();
		this.polls.increment(cycle.schedulerCalls());
		this.writes.increment(cycle.writes());
		return cycle;
	}

	/**
	 * What one reconciliation did.
	 *
	 * @param jobs active jobs looked at
	 * @param schedulerCalls calls made to the scheduler
	 * @param writes jobs written
	 */
	public record Cycle(int jobs, int schedulerCalls, int writes) {

	}

}
