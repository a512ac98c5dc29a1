package io.caesarrest.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.job.Transition;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.storage.WarmUpOwner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one lifecycle engine of jobs, for every backend. Each round it reconciles the
 * active jobs with one batched poll when due, writes only the jobs that changed in one
 * bulk compare-and-set command (ends with their exit code, outputs index and end date),
 * stops jobs that were canceled while they ran, and hands pending jobs to the backend
 * within its capacity. State lives in the store: after a crash, a new engine finds the
 * active jobs there and asks the backend about them, and jobs it claimed but never
 * submitted are taken again. Only the active monitor runs it.
 */
public class JobEngine {

	private static final Logger log = LoggerFactory.getLogger(JobEngine.class);

	private final JobRepository jobs;

	private final Scheduler scheduler;

	private final EngineSettings settings;

	private final Clock clock;

	private final ExecutionChanges changes;

	private final JobDispatch dispatch;

	private final Counter cycles;

	private final Counter polls;

	private final Counter writes;

	/** Jobs handed to the backend and active when last seen, by id. */
	private final Map<String, Held> held = new HashMap<>();

	private final Set<String> noted = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean backendChanged = new AtomicBoolean();

	private @Nullable Instant unreachableSince;

	private Instant nextReconcile = Instant.MIN;

	private Instant nextDispatch = Instant.MIN;

	private boolean leading;

	private Cycle lastCycle = new Cycle(0, 0, 0);

	public JobEngine(JobRepository jobs, Scheduler scheduler, AppCatalog apps, EngineSettings settings, Clock clock,
			MeterRegistry meters) {
		this.jobs = jobs;
		this.scheduler = scheduler;
		this.settings = settings;
		this.clock = clock;
		this.changes = new ExecutionChanges(jobs, apps, settings.lostAfter());
		this.dispatch = new JobDispatch(jobs, scheduler, apps, settings, clock);
		this.cycles = meters.counter("caesar.monitor.cycles", "scheduler", scheduler.name());
		this.polls = meters.counter("caesar.monitor.scheduler.polls", "scheduler", scheduler.name());
		this.writes = meters.counter("caesar.monitor.job.writes", "scheduler", scheduler.name());
	}

	/**
	 * One round while this process leads; an engine that stopped leading forgets what it
	 * held (the new leader finds it in the store).
	 * @param leader whether this process is the active monitor now
	 */
	public synchronized void runOnce(boolean leader) {
		if (leader) {
			runOnce();
		}
		else if (this.leading) {
			log.warn("Job engine stops: another monitor is active");
			this.held.clear();
			this.changes.reset();
			this.nextReconcile = Instant.MIN;
			this.nextDispatch = Instant.MIN;
		}
		this.leading = leader;
	}

	/**
	 * One round: stop jobs canceled in this process, reconcile when due, dispatch.
	 * @return what the reconciliation of this round did
	 */
	public synchronized Cycle runOnce() {
		Instant now = this.clock.instant();
		boolean woken = !this.noted.isEmpty();
		stopNoted();
		boolean first = this.nextReconcile.equals(Instant.MIN);
		boolean reconcileDue = this.backendChanged.getAndSet(false) || first
				|| (!now.isBefore(this.nextReconcile) && !this.held.isEmpty());
		boolean dispatchDue = woken || !now.isBefore(this.nextDispatch);
		if (!reconcileDue && !dispatchDue) {
			// nothing runs and nothing new: an idle round reads nothing
			return new Cycle(this.held.size(), 0, 0);
		}
		List<Job> watched = this.jobs.watched().find(this.scheduler.name());
		List<Job> pending = watched.stream()
			.filter((job) -> job.state() == JobState.PENDING && job.schedulerRef() == null)
			.toList();
		// ended jobs still watched (canceled by the API) are checked and let go at once
		boolean ended = watched.stream().anyMatch((job) -> job.state().isTerminal());
		Cycle cycle = (reconcileDue || ended) ? reconcile(watched, now) : new Cycle(this.held.size(), 0, 0);
		if (dispatchDue) {
			this.nextDispatch = now.plus(this.settings.dispatchInterval());
			JobDispatch.Result dispatched = this.dispatch.dispatchPending(pending, this.held, now);
			if (dispatched.unreachable() != null) {
				markPendingUnreachable(pending, dispatched.unreachable());
			}
			if (dispatched.submitted() > 0) {
				// a job a backend started at once shows RUNNING without waiting a period
				cycle = reconcile(this.jobs.watched().find(this.scheduler.name()), now);
			}
		}
		return cycle;
	}

	/**
	 * Notes that a job changed in this process (submitted or canceled), so that the next
	 * round, which the caller wakes up, acts on it.
	 * @param jobId the job id
	 */
	public void noteChanged(String jobId) {
		this.noted.add(jobId);
	}

	/** Notes that the backend reported a change, so that the next round polls it. */
	public void noteBackendChanged() {
		this.backendChanged.set(true);
	}

	/** Since when the backend has been unreachable, or null while it answers. */
	public @Nullable Instant unreachableSince() {
		return this.unreachableSince;
	}

	/** What the last reconciliation did. */
	public Cycle lastCycle() {
		return this.lastCycle;
	}

	/** The backend this engine drives. */
	public Scheduler scheduler() {
		return this.scheduler;
	}

	private void stopNoted() {
		List<String> ids = new ArrayList<>();
		for (String id : List.copyOf(this.noted)) {
			this.noted.remove(id);
			if (this.held.containsKey(id)) {
				ids.add(id);
			}
		}
		if (ids.isEmpty()) {
			return;
		}
		for (Job job : this.jobs.findAllById(ids)) {
			if (job.state().isTerminal()) {
				cancel(job.id(), this.held.remove(job.id()).ref());
			}
		}
	}

	/**
	 * Polls the watched jobs of the backend in one call: active ones to follow, ended
	 * ones with a handle to check that the backend stopped them (cancel again if not);
	 * jobs the engine has seen end are no longer watched.
	 */
	private Cycle reconcile(List<Job> watched, Instant now) {
		this.nextReconcile = now.plus(this.scheduler.pollInterval().orElse(this.settings.period()));
		List<Job> active = new ArrayList<>();
		List<Job> stopping = new ArrayList<>();
		Set<String> done = new HashSet<>();
		for (Job job : watched) {
			if (job.state().isActive()) {
				if (job.schedulerRef() != null) {
					active.add(job);
				}
			}
			else if (job.schedulerRef() != null) {
				stopping.add(job);
			}
			else {
				done.add(job.id());
			}
		}
		List<SchedulerRef> refs = new ArrayList<>();
		active.forEach((job) -> refs.add(new SchedulerRef(job.schedulerRef())));
		stopping.forEach((job) -> refs.add(new SchedulerRef(job.schedulerRef())));
		if (refs.isEmpty()) {
			this.held.clear();
			this.jobs.watched().unwatch(done);
			return record(new Cycle(0, 0, 0));
		}
		Map<SchedulerRef, Execution> executions;
		try {
			executions = this.scheduler.poll(refs);
		}
		catch (SchedulerException ex) {
			markUnreachable(active, ex);
			return record(new Cycle(active.size(), 1, 0));
		}
		this.unreachableSince = null;
		int written = 0;
		List<Transition> batch = new ArrayList<>();
		for (Job job : active) {
			written += this.changes.apply(job, executions.get(new SchedulerRef(job.schedulerRef())), now, batch) ? 1
					: 0;
		}
		Set<String> ended = new HashSet<>();
		written += write(batch, ended);
		done.addAll(ended);
		this.held.clear();
		active.stream()
			.filter((job) -> !ended.contains(job.id()))
			.forEach((job) -> this.held.put(job.id(), Held.of(job, this.scheduler)));
		for (Job job : stopping) {
			SchedulerRef ref = new SchedulerRef(job.schedulerRef());
			Execution execution = executions.get(ref);
			if (execution == null || execution.state().isTerminal()) {
				done.add(job.id());
			}
			else {
				cancel(job.id(), ref);
			}
		}
		this.jobs.watched().unwatch(done);
		return record(new Cycle(active.size(), 1, written));
	}

	private boolean cancel(String id, SchedulerRef ref) {
		try {
			this.scheduler.cancel(ref);
			return true;
		}
		catch (SchedulerException ex) {
			log.warn("Cannot stop canceled job {} yet: {}", id, ex.getMessage());
			return false;
		}
	}

	/**
	 * Writes the batch of state changes in one command.
	 * @param ended where to add the ids of the jobs that ended
	 * @return how many jobs changed
	 */
	private int write(List<Transition> batch, Set<String> ended) {
		if (batch.isEmpty()) {
			return 0;
		}
		Set<String> changed = this.jobs.transitionAll(batch);
		for (Transition transition : batch) {
			String id = transition.job().id();
			if (changed.contains(id) && transition.change().target().isTerminal()) {
				ended.add(id);
				try (MDC.MDCCloseable jobId = MDC.putCloseable("job_id", id)) {
					if (WarmUpOwner.is(transition.job().owner())) {
						log.debug("Warm-up job {} ended {}", id, transition.change().target().label());
					}
					else {
						log.info("Job {} ended {}", id, transition.change().target().label());
					}
				}
			}
		}
		this.writes.increment(changed.size());
		return changed.size();
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

	private void markPendingUnreachable(List<Job> pending, SchedulerException ex) {
		if (this.unreachableSince == null) {
			this.unreachableSince = this.clock.instant();
		}
		String status = "Scheduler " + this.scheduler.name() + " unreachable since " + this.unreachableSince
				+ "; will retry (" + ex.getMessage() + ")";
		this.jobs.watched().updatePendingStatus(pending.stream().map(Job::id).toList(), status);
	}

	private Cycle record(Cycle cycle) {
		this.lastCycle = cycle;
		this.cycles.increment();
		this.polls.increment(cycle.schedulerCalls());
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

	/** A job handed to the backend: its handle and the cores it holds. */
	record Held(SchedulerRef ref, int cores) {

		static Held of(Job job, Scheduler scheduler) {
			int cores = Math.max(1, job.cores());
			return new Held(new SchedulerRef(job.schedulerRef()),
					Math.min(cores, scheduler.capacity().orElse(Integer.MAX_VALUE)));
		}

	}

}
