package io.caesarrest.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalInt;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.app.AppFixtures;
import io.caesarrest.app.AppOutputs;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobChange;
import io.caesarrest.job.JobFixtures;
import io.caesarrest.job.JobMetrics;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.store.EmbeddedStoreExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job engine against the embedded store, with a backend whose answers the test sets
 * and whose calls it counts: written once, for every backend.
 */
class JobEngineTests {

	@TempDir
	static Path home;

	@RegisterExtension
	static final EmbeddedStoreExtension store = new EmbeddedStoreExtension();

	final FakeScheduler scheduler = new FakeScheduler();

	final AppCatalog apps = AppCatalog.of(List.of(AppFixtures.app("testapp")
		.outputs(new AppOutputs("catalog-*.json", null, null, null, "plot_*.png", null))
		.build(), AppFixtures.app("imageapp").image("org/image:1").build()));

	JobRepository jobs;

	@BeforeEach
	void setUp() {
		MongoTemplate mongo = store.mongo();
		mongo.dropCollection(Job.class);
		this.jobs = new JobRepository(mongo, new JobMetrics(new SimpleMeterRegistry()));
		this.jobs.createIndexes();
	}

	@Test
	void dispatchesPendingJobsOldestFirstWithTheirCommand() {
		Instant t = Instant.now();
		Job second = insert(JobFixtures.job().submitted(t.plusSeconds(1)).argv("/bin/echo", "b").cores(3));
		Job first = insert(JobFixtures.job().submitted(t).argv("/bin/echo", "a"));
		engine("e1", Duration.ZERO).runOnce();
		assertThat(this.scheduler.submitted).extracting((launch) -> launch.jobId())
			.containsExactly(first.id(), second.id());
		assertThat(this.scheduler.submitted.get(1).argv()).containsExactly("/bin/echo", "b");
		assertThat(this.scheduler.submitted.get(1).cores()).isEqualTo(3);
		assertThat(this.scheduler.submitted.get(1).jobDir()).isEqualTo(Path.of(second.jobDir()));
		Job stored = find(second);
		assertThat(stored.schedulerRef()).isEqualTo(FakeScheduler.ref(second.id()).value());
		assertThat(stored.state()).isEqualTo(JobState.PENDING);
		assertThat(stored.status()).isEqualTo("queued");
	}

	@Test
	void pollsAllJobsInOneCallAndWritesOnlyChangedOnes() {
		JobEngine engine = engine("e1", Duration.ZERO);
		List<Job> submitted = submit(engine, 20);
		this.scheduler.set(submitted.get(0), JobState.RUNNING, null);
		this.scheduler.set(submitted.get(1), JobState.SUCCESS, 0);
		this.scheduler.set(submitted.get(2), JobState.FAILURE, 3);
		int callsBefore = this.scheduler.polls;
		JobEngine.Cycle cycle = engine.runOnce();
		assertThat(this.scheduler.polls - callsBefore).isEqualTo(1);
		assertThat(cycle.writes()).isEqualTo(3);
		assertThat(find(submitted.get(0)).state()).isEqualTo(JobState.RUNNING);
		assertThat(find(submitted.get(0)).startDate()).isNotNull();
		assertThat(find(submitted.get(1)).state()).isEqualTo(JobState.SUCCESS);
		assertThat(find(submitted.get(2)).state()).isEqualTo(JobState.FAILURE);
		assertThat(find(submitted.get(2)).exitCode()).isEqualTo(3);
		assertThat(engine.runOnce().writes()).isZero();
	}

	@Test
	void recordsAnEndWithItsExitCodeOutputsAndEndDate() throws IOException {
		Path dir = Files.createDirectories(home.resolve("job_outputs"));
		Files.writeString(dir.resolve("catalog-x.json"), "{}");
		Files.writeString(dir.resolve("plot_x.png"), "png");
		Job job = insert(JobFixtures.job().jobDir(dir));
		JobEngine engine = engine("e1", Duration.ZERO);
		engine.runOnce();
		this.scheduler.set(job, JobState.SUCCESS, 0);
		engine.runOnce();
		Job ended = find(job);
		assertThat(ended.state()).isEqualTo(JobState.SUCCESS);
		assertThat(ended.exitCode()).isZero();
		assertThat(ended.endDate()).isNotNull();
		assertThat(ended.outputs()).containsEntry("islands-json", "catalog-x.json").containsEntry("plot", "plot_x.png");
	}

	@Test
	void neverResurrectsACanceledJobAndCancelsItInTheBackend() {
		JobEngine engine = engine("e1", Duration.ZERO);
		Job job = submit(engine, 1).get(0);
		this.scheduler.set(job, JobState.RUNNING, null);
		engine.runOnce();
		cancelAsTheApiDoes(job);
		engine.runOnce();
		assertThat(find(job).state()).isEqualTo(JobState.CANCELED);
		assertThat(this.scheduler.canceled).containsExactly(FakeScheduler.ref(job.id()));
	}

	@Test
	void stopsAJobCanceledInThisProcessWithoutWaitingForTheNextPoll() {
		JobEngine engine = engine("e1", Duration.ofHours(1));
		Job job = submit(engine, 1).get(0);
		cancelAsTheApiDoes(job);
		engine.noteChanged(job.id());
		engine.runOnce();
		assertThat(this.scheduler.canceled).containsExactly(FakeScheduler.ref(job.id()));
		// and, seen stopped by the backend, the job is no longer watched
		assertThat(this.jobs.watched().find("fake")).isEmpty();
	}

	@Test
	void keepsStatesWhileTheSchedulerIsUnreachable() {
		JobEngine engine = engine("e1", Duration.ZERO);
		Job job = submit(engine, 1).get(0);
		this.scheduler.set(job, JobState.RUNNING, null);
		engine.runOnce();
		this.scheduler.reachable = false;
		engine.runOnce();
		engine.runOnce();
		Job during = find(job);
		assertThat(during.state()).isEqualTo(JobState.RUNNING);
		assertThat(during.status()).contains("unreachable since");
		assertThat(engine.unreachableSince()).isNotNull();
		this.scheduler.reachable = true;
		this.scheduler.set(job, JobState.SUCCESS, 0);
		engine.runOnce();
		assertThat(find(job).state()).isEqualTo(JobState.SUCCESS);
		assertThat(engine.unreachableSince()).isNull();
	}

	@Test
	void keepsPendingJobsWhenSubmissionFailsAndRetries() {
		Job job = insert(JobFixtures.job());
		JobEngine engine = engine("e1", Duration.ZERO);
		this.scheduler.reachable = false;
		engine.runOnce();
		assertThat(find(job).state()).isEqualTo(JobState.PENDING);
		assertThat(find(job).status()).contains("unreachable");
		assertThat(find(job).schedulerRef()).isNull();
		this.scheduler.reachable = true;
		engine.runOnce();
		assertThat(find(job).schedulerRef()).isNotNull();
		assertThat(this.scheduler.submitted).hasSize(1);
	}

	@Test
	void failsJobsTheBackendRefusesOrCannotRun() {
		Job image = insert(JobFixtures.job().app("imageapp"));
		Job gone = insert(JobFixtures.job().app("removed-app"));
		JobEngine engine = engine("e1", Duration.ZERO);
		engine.runOnce();
		assertThat(find(image).state()).isEqualTo(JobState.FAILURE);
		assertThat(find(image).status()).contains("refused").contains("native apps only");
		assertThat(find(gone).status()).contains("no longer configured");
		this.scheduler.refuseSubmissions = true;
		Job refused = insert(JobFixtures.job());
		engine.runOnce();
		assertThat(find(refused).state()).isEqualTo(JobState.FAILURE);
		assertThat(find(refused).status()).contains("no such partition");
		assertThat(find(refused).exitCode()).isEqualTo(-1);
	}

	@Test
	void declaresAJobLostOnlyAfterRepeatedMisses() {
		JobEngine engine = engine("e1", Duration.ZERO);
		Job job = submit(engine, 1).get(0);
		this.scheduler.forget(job);
		engine.runOnce();
		assertThat(find(job).state()).isEqualTo(JobState.PENDING);
		engine.runOnce();
		Job lost = find(job);
		assertThat(lost.state()).isEqualTo(JobState.FAILURE);
		assertThat(lost.status()).contains("lost");
	}

	@Test
	void submitsNoMoreThanTheBackendRunsAtOnce() {
		this.scheduler.capacity = OptionalInt.of(2);
		Instant t = Instant.now();
		List<Job> queued = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			queued.add(insert(JobFixtures.job().submitted(t.plusSeconds(i))));
		}
		JobEngine engine = engine("e1", Duration.ZERO);
		engine.runOnce();
		assertThat(this.scheduler.submitted).hasSize(2);
		this.scheduler.set(queued.get(0), JobState.SUCCESS, 0);
		engine.runOnce();
		assertThat(this.scheduler.submitted).hasSize(3);
		assertThat(find(queued.get(2)).schedulerRef()).isNotNull();
	}

	@Test
	void recoversAfterACrashWithoutRunningAnyJobTwice() {
		JobEngine before = engine("monitor-host", Duration.ZERO);
		Job running = submit(before, 1).get(0);
		this.scheduler.set(running, JobState.RUNNING, null);
		before.runOnce();
		// claimed by the engine that crashed before it could submit it
		Job claimed = insert(JobFixtures.job());
		assertThat(
				this.jobs.watched().claim(claimed.id(), "monitor-host", Instant.now(), Instant.now().plusSeconds(600)))
			.isTrue();
		JobEngine after = engine("monitor-host", Duration.ZERO);
		this.scheduler.set(running, JobState.SUCCESS, 0);
		after.runOnce();
		assertThat(find(running).state()).isEqualTo(JobState.SUCCESS);
		assertThat(this.scheduler.submitted).extracting((launch) -> launch.jobId())
			.containsExactly(running.id(), claimed.id());
	}

	@Test
	void takesOverAnotherEnginesClaimOnlyOnceItExpired() {
		Job job = insert(JobFixtures.job());
		this.jobs.watched().claim(job.id(), "other-host", Instant.now(), Instant.now().plusSeconds(600));
		JobEngine engine = engine("e1", Duration.ZERO);
		engine.runOnce();
		assertThat(this.scheduler.submitted).isEmpty();
		// the other engine's claim runs out
		this.jobs.watched().claim(job.id(), "other-host", Instant.now(), Instant.now().minusSeconds(1));
		engine.runOnce();
		assertThat(this.scheduler.submitted).extracting((launch) -> launch.jobId()).containsExactly(job.id());
	}

	@Test
	void keepsWatchingAJobWhoseRecordIsBeingStoredAndDropsLongOrphans() {
		MongoTemplate mongo = store.mongo();
		Job job = JobFixtures.job().scheduler("fake").build();
		// a submission between its two writes: the entry is there, the job not yet
		mongo.save(new Document("_id", job.id()).append("scheduler", "fake").append("since", new Date()),
				"jobs_watched");
		mongo.save(new Document("_id", "orphan").append("scheduler", "fake")
			.append("since", Date.from(Instant.now().minusSeconds(120))), "jobs_watched");
		JobEngine engine = engine("e1", Duration.ZERO);
		engine.runOnce();
		mongo.insert(job);
		engine.runOnce();
		assertThat(this.scheduler.submitted).extracting((launch) -> launch.jobId()).containsExactly(job.id());
		assertThat(mongo.findById("orphan", Document.class, "jobs_watched")).isNull();
	}

	@Test
	void actsOnlyWhileLeading() {
		Job job = insert(JobFixtures.job());
		JobEngine engine = engine("e1", Duration.ZERO);
		engine.runOnce(false);
		assertThat(this.scheduler.submitted).isEmpty();
		assertThat(this.scheduler.polls).isZero();
		engine.runOnce(true);
		assertThat(find(job).schedulerRef()).isNotNull();
	}

	private JobEngine engine(String name, Duration period) {
		return new JobEngine(this.jobs, this.scheduler, this.apps,
				new EngineSettings(name, period, Duration.ZERO, 2, Duration.ofMinutes(2)), Clock.systemUTC(),
				new SimpleMeterRegistry());
	}

	private List<Job> submit(JobEngine engine, int n) {
		List<Job> submitted = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			submitted.add(insert(JobFixtures.job()));
		}
		engine.runOnce();
		assertThat(submitted).allMatch((job) -> find(job).schedulerRef() != null);
		return submitted;
	}

	private void cancelAsTheApiDoes(Job job) {
		this.jobs.transition(job.id(), java.util.Set.of(JobState.PENDING, JobState.RUNNING),
				JobChange.to(JobState.CANCELED, "Job canceled by user").exitCode(-1).ended(Instant.now()));
	}

	private Job insert(JobFixtures.Builder job) {
		return this.jobs.insert(job.scheduler("fake").build());
	}

	private Job find(Job job) {
		return this.jobs.findById(job.id()).orElseThrow();
	}

}
