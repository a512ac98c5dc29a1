package io.caesarrest.scheduler.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.caesarrest.job.Job;
import io.caesarrest.job.JobChange;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The local queue's worker: claims pending jobs from the jobs collection, runs them
 * through the {@link LocalScheduler} within its cores, writes their end states, stops the
 * ones users canceled and recovers the ones a stopped worker left behind.
 */
public class LocalWorker {

	private static final Logger log = LoggerFactory.getLogger(LocalWorker.class);

	private static final Set<JobState> ACTIVE = Set.of(JobState.STARTED, JobState.RUNNING);

	private final JobRepository jobs;

	private final LocalScheduler scheduler;

	private final LocalSchedulerProperties properties;

	private final Function<Job, Map<String, String>> outputIndexer;

	private final Clock clock;

	private final String worker;

	private final Map<String, Claimed> claimed = new ConcurrentHashMap<>();

	private Instant nextHousekeeping = Instant.MIN;

	private boolean leading;

	public LocalWorker(JobRepository jobs, LocalScheduler scheduler, LocalSchedulerProperties properties,
			Function<Job, Map<String, String>> outputIndexer, Clock clock) {
		this.jobs = jobs;
		this.scheduler = scheduler;
		this.properties = properties;
		this.outputIndexer = outputIndexer;
		this.clock = clock;
		this.worker = properties.effectiveWorker();
	}

	/**
	 * One round while this process leads; a worker that stopped leading lets its jobs go.
	 * @param leader whether this process is the active monitor now
	 */
	public synchronized void runOnce(boolean leader) {
		if (leader) {
			runOnce();
		}
		else if (this.leading) {
			release();
		}
		this.leading = leader;
	}

	/** One round: stop canceled jobs, record ended ones, claim new ones, renew leases. */
	public synchronized void runOnce() {
		try {
			if (!this.clock.instant().isBefore(this.nextHousekeeping)) {
				recoverOrphans();
				renewLeases();
				this.nextHousekeeping = this.clock.instant().plus(this.properties.lease().dividedBy(3));
			}
			stopCanceled();
			recordEnded();
			claimNew();
		}
		catch (RuntimeException ex) {
			log.warn("Local worker round failed, retrying: {}", ex.toString());
		}
	}

	/**
	 * Lets go of the jobs this worker holds, without stopping their processes, when
	 * another monitor takes over; it recovers them if it leads again.
	 */
	public synchronized void release() {
		if (!this.claimed.isEmpty()) {
			log.warn("Local worker stops tracking {} running jobs: another monitor is active", this.claimed.size());
		}
		this.claimed.clear();
		this.nextHousekeeping = Instant.MIN;
	}

	/** How many jobs this worker holds now. */
	public int runningJobs() {
		return this.claimed.size();
	}

	private void stopCanceled() {
		if (this.claimed.isEmpty()) {
			return;
		}
		for (Job job : this.jobs.findAllById(this.claimed.keySet())) {
			if (job.state().isTerminal()) {
				Claimed held = this.claimed.remove(job.id());
				if (held != null && held.ref() != null) {
					this.scheduler.cancel(held.ref());
				}
			}
		}
	}

	private void recordEnded() {
		Map<SchedulerRef, String> byRef = this.claimed.entrySet()
			.stream()
			.filter((e) -> e.getValue().ref() != null)
			.collect(Collectors.toMap((e) -> e.getValue().ref(), Map.Entry::getKey));
		Map<SchedulerRef, Execution> executions = this.scheduler.poll(byRef.keySet());
		byRef.forEach((ref, jobId) -> {
			Execution execution = executions.get(ref);
			if (execution == null) {
				finish(jobId,
						JobChange.to(JobState.FAILURE, "Job lost: its process ended without an exit code")
							.exitCode(-1)
							.ended(this.clock.instant()));
			}
			else if (execution.state().isTerminal()) {
				finish(jobId,
						JobChange.to(execution.state(), execution.message())
							.exitCode(exitCodeOf(execution))
							.ended(execution.end()));
			}
		});
	}

	private void finish(String jobId, JobChange change) {
		this.claimed.remove(jobId);
		this.jobs.findById(jobId).ifPresent((job) -> {
			change.outputs(this.outputIndexer.apply(job));
			if (this.jobs.transition(jobId, ACTIVE, change)) {
				try (MDC.MDCCloseable id = MDC.putCloseable("job_id", jobId)) {
					log.info("Job {} ended {}", jobId, change.target().label());
				}
			}
		});
	}

	private void claimNew() {
		while (usedCores() < this.properties.effectiveCores()) {
			Optional<Job> next = this.jobs.claimPending("local", this.worker, leaseEnd());
			if (next.isEmpty()) {
				return;
			}
			launch(next.get());
		}
	}

	private void launch(Job job) {
		int cores = Math.max(1, Math.min(job.cores(), this.properties.effectiveCores()));
		this.claimed.put(job.id(), new Claimed(null, cores));
		try {
			SchedulerRef ref = this.scheduler.submit(JobLaunch.nativeCommand(job.id(), job.owner(), job.app(),
					job.argv(), Path.of(job.jobDir()), cores, job.maxRunTime()));
			this.claimed.put(job.id(), new Claimed(ref, cores));
			LocalRef local = LocalRef.parse(ref);
			boolean running = this.jobs.transition(job.id(), JobState.STARTED,
					JobChange.to(JobState.RUNNING, "Job running (pid " + local.pid() + ")")
						.schedulerRef(ref.value(), Long.toString(local.pid()))
						.started(local.started()));
			if (!running) {
				// canceled between claim and start
				this.claimed.remove(job.id());
				this.scheduler.cancel(ref);
			}
		}
		catch (SchedulerException | IllegalArgumentException ex) {
			this.claimed.remove(job.id());
			this.jobs.transition(job.id(), JobState.STARTED,
					JobChange.to(JobState.FAILURE, "Job failed to start: " + ex.getMessage())
						.exitCode(-1)
						.ended(this.clock.instant()));
		}
	}

	/**
	 * Takes over active local jobs that no live worker holds: this worker's own jobs from
	 * before a restart at once, other workers' jobs when their lease expired.
	 */
	private void recoverOrphans() {
		Instant now = this.clock.instant();
		for (Job job : this.jobs.findActive("local")) {
			boolean mine = this.worker.equals(job.worker()) && !this.claimed.containsKey(job.id());
			boolean expired = job.leaseUntil() != null && job.leaseUntil().isBefore(now);
			if (job.state() != JobState.PENDING && (mine || expired) && !this.claimed.containsKey(job.id())) {
				recover(job);
			}
		}
	}

	private void recover(Job job) {
		if (job.schedulerRef() == null) {
			this.jobs.transition(job.id(), JobState.STARTED,
					JobChange.to(JobState.FAILURE, "Job lost: the worker stopped before starting it")
						.exitCode(-1)
						.ended(this.clock.instant()));
			return;
		}
		SchedulerRef ref = new SchedulerRef(job.schedulerRef());
		Execution execution = this.scheduler.poll(List.of(ref)).get(ref);
		if (execution != null && !execution.state().isTerminal()) {
			log.info("Re-adopting running job {} (pid {})", job.id(), job.pid());
			this.claimed.put(job.id(), new Claimed(ref, Math.max(1, job.cores())));
			this.jobs.renewLease(List.of(job.id()), this.worker, leaseEnd());
			return;
		}
		JobChange change = (execution != null)
				? JobChange.to(execution.state(), execution.message() + " (recovered after a service restart)")
					.exitCode(exitCodeOf(execution))
				: JobChange
					.to(JobState.FAILURE,
							"Job lost: the service stopped while it ran and its exit code could not be read")
					.exitCode(-1);
		change.ended(this.clock.instant()).outputs(this.outputIndexer.apply(job));
		this.jobs.transition(job.id(), ACTIVE, change);
		log.info("Recovered job {} as {}", job.id(), change.target().label());
	}

	private static int exitCodeOf(Execution execution) {
		return (execution.exitCode() != null) ? execution.exitCode() : -1;
	}

	private void renewLeases() {
		this.jobs.renewLease(this.claimed.keySet(), this.worker, leaseEnd());
	}

	private int usedCores() {
		return this.claimed.values().stream().mapToInt(Claimed::cores).sum();
	}

	private Instant leaseEnd() {
		return this.clock.instant().plus(this.properties.lease());
	}

	private record Claimed(SchedulerRef ref, int cores) {

	}

}
