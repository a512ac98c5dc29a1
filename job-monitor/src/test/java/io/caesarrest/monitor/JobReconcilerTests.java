package io.caesarrest.monitor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.caesarrest.app.App;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.app.AppLaunch;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobChange;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.storage.Ids;
import io.caesarrest.store.EmbeddedStoreExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher and reconciler against the embedded store, with a scheduler whose
 * answers the test sets and whose calls it counts.
 */
class JobReconcilerTests {

	@TempDir
	static Path home;

	@RegisterExtension
	static final EmbeddedStoreExtension store = new EmbeddedStoreExtension();

	final RecordingScheduler scheduler = new RecordingScheduler();

	JobRepository jobs;

	JobDispatcher dispatcher;

	JobReconciler reconciler;

	@BeforeEach
	void setUp() {
		MongoTemplate mongo = store.mongo();
		mongo.dropCollection(Job.class);
		this.jobs = new JobRepository(mongo);
		AppCatalog apps = AppCatalog.of(List.of(new App("testapp", "", null, null,
				new AppLaunch(null, null, null, List.of("/bin/true"), null), null, null, null, null, null)));
		this.dispatcher = new JobDispatcher(this.jobs, this.scheduler, apps, "test", Clock.systemUTC());
		this.reconciler = new JobReconciler(this.jobs, this.scheduler, apps,
				new MonitorProperties(true, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofHours(1), 2,
						Duration.ofSeconds(10), null, Duration.ofHours(1)),
				Clock.systemUTC());
	}

	@Test
	void pollsAllJobsInOneCallAndWritesOnlyChangedOnes() {
		List<Job> submitted = submit(20);
		this.reconciler.reconcile();
		this.scheduler.set(submitted.get(0), JobState.RUNNING, null);
		this.scheduler.set(submitted.get(1), JobState.SUCCESS, 0);
		this.scheduler.set(submitted.get(2), JobState.FAILURE, 3);
		int callsBefore = this.scheduler.polls;
		JobReconciler.Cycle cycle = this.reconciler.reconcile();
		assertThat(this.scheduler.polls - callsBefore).isEqualTo(1);
		assertThat(cycle.writes()).isEqualTo(3);
		assertThat(state(submitted.get(0))).isEqualTo(JobState.RUNNING);
		assertThat(state(submitted.get(1))).isEqualTo(JobState.SUCCESS);
		Job failed = this.jobs.findById(submitted.get(2).id()).orElseThrow();
		assertThat(failed.state()).isEqualTo(JobState.FAILURE);
		assertThat(failed.exitCode()).isEqualTo(3);
		assertThat(this.reconciler.reconcile().writes()).isZero();
	}

	@Test
	void neverResurrectsACanceledJobAndCancelsItAgain() {
		Job job = submit(1).get(0);
		this.scheduler.set(job, JobState.RUNNING, null);
		this.jobs.transition(job.id(), JobState.PENDING,
				JobChange.to(JobState.CANCELED, "Job canceled by user").exitCode(-1).ended(Instant.now()));
		this.reconciler.reconcile();
		assertThat(state(job)).isEqualTo(JobState.CANCELED);
		assertThat(this.scheduler.canceled).contains(ref(job));
	}

	@Test
	void keepsStatesWhileTheSchedulerIsUnreachable() {
		Job job = submit(1).get(0);
		this.scheduler.set(job, JobState.RUNNING, null);
		this.reconciler.reconcile();
		this.scheduler.reachable = false;
		this.reconciler.reconcile();
		Job during = this.jobs.findById(job.id()).orElseThrow();
		assertThat(during.state()).isEqualTo(JobState.RUNNING);
		assertThat(during.status()).contains("unreachable since");
		this.scheduler.reachable = true;
		this.scheduler.set(job, JobState.SUCCESS, 0);
		this.reconciler.reconcile();
		assertThat(state(job)).isEqualTo(JobState.SUCCESS);
	}

	@Test
	void keepsPendingJobsWhenSubmissionFailsAndRetries() {
		Job job = this.jobs.insert(pending());
		this.scheduler.reachable = false;
		assertThat(this.dispatcher.dispatchPending()).isZero();
		assertThat(this.jobs.findById(job.id()).orElseThrow().status()).contains("unreachable");
		this.scheduler.reachable = true;
		assertThat(this.dispatcher.dispatchPending()).isEqualTo(1);
		assertThat(this.jobs.findById(job.id()).orElseThrow().schedulerRef()).isNotNull();
	}

	@Test
	void declaresAJobLostOnlyAfterRepeatedMisses() {
		Job job = submit(1).get(0);
		this.scheduler.forget(job);
		this.reconciler.reconcile();
		assertThat(state(job)).isEqualTo(JobState.PENDING);
		this.reconciler.reconcile();
		Job lost = this.jobs.findById(job.id()).orElseThrow();
		assertThat(lost.state()).isEqualTo(JobState.FAILURE);
		assertThat(lost.status()).contains("lost");
	}

	private List<Job> submit(int n) {
		List<Job> submitted = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			submitted.add(this.jobs.insert(pending()));
		}
		assertThat(this.dispatcher.dispatchPending()).isEqualTo(n);
		return submitted;
	}

	private static Job pending() {
		return new Job(Ids.newId(), "alice", "testapp", Map.of(), "job_options", "x", "/in.fits", "", "fake", null,
				List.of("/bin/true"), 1, 1, 60, JobState.PENDING, "Job submitted", -1, Instant.now(), null, null,
				home.resolve("jobs").toString(), null, null, null, Map.of());
	}

	private JobState state(Job job) {
		return this.jobs.findById(job.id()).orElseThrow().state();
	}

	private SchedulerRef ref(Job job) {
		return new SchedulerRef("fake-" + job.id());
	}

	/** A scheduler that reports what the test says and counts its calls. */
	static final class RecordingScheduler implements Scheduler {

		final Map<SchedulerRef, Execution> executions = new ConcurrentHashMap<>();

		final List<SchedulerRef> canceled = new ArrayList<>();

		volatile boolean reachable = true;

		int polls;

		@Override
		public String name() {
			return "fake";
		}

		@Override
		public SchedulerRef submit(JobLaunch launch) {
			check();
			SchedulerRef ref = new SchedulerRef("fake-" + launch.jobId());
			this.executions.put(ref, new Execution(JobState.PENDING, null, null, null, "queued"));
			return ref;
		}

		@Override
		public Map<SchedulerRef, Execution> poll(Collection<SchedulerRef> refs) {
			this.polls++;
			check();
			Map<SchedulerRef, Execution> found = new LinkedHashMap<>();
			refs.forEach((ref) -> {
				if (this.executions.containsKey(ref)) {
					found.put(ref, this.executions.get(ref));
				}
			});
			return found;
		}

		@Override
		public void cancel(SchedulerRef ref) {
			check();
			this.canceled.add(ref);
		}

		void set(Job job, JobState state, Integer exitCode) {
			this.executions.put(new SchedulerRef("fake-" + job.id()), new Execution(state, exitCode, Instant.now(),
					state.isTerminal() ? Instant.now() : null, "now " + state.label()));
		}

		void forget(Job job) {
			this.executions.remove(new SchedulerRef("fake-" + job.id()));
		}

		private void check() {
			if (!this.reachable) {
				throw new SchedulerException("connection refused");
			}
		}

	}

}
