package io.caesarrest.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.caesarrest.storage.Ids;
import io.caesarrest.storage.OwnerSequences.OwnerPage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the job store must guarantee on any MongoDB-compatible server: compare-and-set
 * state changes, terminal states that stay, atomic claims, owner scoping.
 */
abstract class JobRepositoryContractTests {

	protected abstract MongoTemplate mongo();

	/**
	 * A repository whose read cache keeps jobs for an hour: every test then also checks
	 * that this process's own writes show at once through
	 * {@link JobRepository#findOwned}.
	 */
	private JobRepository repository() {
		return repository(Duration.ofHours(1));
	}

	private JobRepository repository(Duration readCacheMaxAge) {
		JobRepository jobs = new JobRepository(mongo(), new JobMetrics(new SimpleMeterRegistry()), readCacheMaxAge);
		jobs.createIndexes();
		return jobs;
	}

	@Test
	void theRestApisReadsShowThisProcesssWritesAtOnceAndAnotherProcesssWithinTheCacheAge() {
		JobRepository jobs = repository(Duration.ofMillis(300));
		JobRepository monitor = repository(Duration.ZERO);
		Job job = jobs.insert(pending("alice"));
		assertThat(jobs.findOwned(job.id(), "alice").orElseThrow().state()).isEqualTo(JobState.PENDING);
		monitor.watched().claim(job.id(), "engine-1", Instant.now(), Instant.now().plusSeconds(60));
		assertThat(jobs.recordSubmission(job.id(), "ref-1", "4242", "Submitted")).isTrue();
		assertThat(jobs.findOwned(job.id(), "alice").orElseThrow().pid()).isEqualTo("4242");
		jobs.transition(job.id(), JobState.PENDING, JobChange.to(JobState.RUNNING, "running"));
		assertThat(jobs.findOwned(job.id(), "alice").orElseThrow().state()).isEqualTo(JobState.RUNNING);
		// another process ends it: a fresh read sees it at once, the API's read within
		// the cache's maximum age
		monitor.transition(job.id(), JobState.RUNNING, JobChange.to(JobState.SUCCESS, "done"));
		assertThat(jobs.findById(job.id()).orElseThrow().state()).isEqualTo(JobState.SUCCESS);
		await().atMost(Duration.ofSeconds(2))
			.until(() -> jobs.findOwned(job.id(), "alice").orElseThrow().state() == JobState.SUCCESS);
		jobs.delete(job.id());
		assertThat(jobs.findOwned(job.id(), "alice")).isEmpty();
	}

	static Job pending(String owner) {
		return JobFixtures.job().owner(owner).app("test").options(Map.of("x", 1)).build();
	}

	@Test
	void storesAndFindsJobsByOwner() {
		JobRepository jobs = repository();
		Job job = jobs.insert(pending("alice"));
		assertThat(jobs.findOwned(job.id(), "alice")).get()
			.satisfies((found) -> assertThat(found.options()).containsEntry("x", 1));
		assertThat(jobs.findOwned(job.id(), "bob")).isEmpty();
		assertThat(jobs.findByOwner("alice", null, 10, (j) -> true).items()).extracting(Job::id).contains(job.id());
		assertThat(jobs.findByOwner("bob", null, 10, (j) -> true).items()).extracting(Job::id).doesNotContain(job.id());
	}

	@Test
	void neverLeavesATerminalState() {
		JobRepository jobs = repository();
		Job job = jobs.insert(pending("alice"));
		assertThat(jobs.transition(job.id(), JobState.PENDING, JobChange.to(JobState.CANCELED, "by user"))).isTrue();
		// a late writer that still believes the job is running
		assertThat(jobs.transition(job.id(), Set.of(JobState.PENDING, JobState.RUNNING),
				JobChange.to(JobState.SUCCESS, "late")))
			.isFalse();
		assertThat(jobs.transition(job.id(), JobState.CANCELED, JobChange.to(JobState.RUNNING, "resurrect"))).isFalse();
		assertThat(jobs.findById(job.id()).orElseThrow().state()).isEqualTo(JobState.CANCELED);
	}

	@Test
	void writesFieldsWithTheStateChange() {
		JobRepository jobs = repository();
		Job job = jobs.insert(pending("alice"));
		Instant end = Instant.parse("2026-01-01T00:00:00Z");
		jobs.transition(job.id(), JobState.PENDING,
				JobChange.to(JobState.FAILURE, "exit 3").exitCode(3).ended(end).outputs(Map.of("plot", "p.png")));
		Job stored = jobs.findById(job.id()).orElseThrow();
		assertThat(stored.exitCode()).isEqualTo(3);
		assertThat(stored.endDate()).isEqualTo(end);
		assertThat(stored.outputs()).containsEntry("plot", "p.png");
	}

	@Test
	void numbersEveryStateChangeInTheChangeFeedAndTellsListeners() throws Exception {
		JobRepository jobs = repository();
		List<JobStatusChange> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
		long before = jobs.changes().latest();
		try (AutoCloseable listening = jobs.changes().listen(heard::add)) {
			Job job = jobs.insert(pending("alice"));
			jobs.transition(job.id(), JobState.PENDING, JobChange.to(JobState.RUNNING, "running"));
			Job running = jobs.findById(job.id()).orElseThrow();
			jobs.transitionAll(List.of(new Transition(running, JobChange.to(JobState.SUCCESS, "done").exitCode(0))));
			// a change that the table refuses is not in the feed
			jobs.transition(job.id(), JobState.SUCCESS, JobChange.to(JobState.RUNNING, "resurrect"));
		}
		long latest = jobs.changes().latest();
		assertThat(latest).isEqualTo(before + 3);
		List<JobStatusChange> stored = List.copyOf(jobs.changes().read(before + 1, latest).values());
		assertThat(stored).extracting(JobStatusChange::state)
			.containsExactly(JobState.PENDING, JobState.RUNNING, JobState.SUCCESS);
		assertThat(stored).extracting(JobStatusChange::seq).containsExactly(before + 1, before + 2, before + 3);
		assertThat(stored.get(2).exitCode()).isZero();
		assertThat(stored.get(2).statusDocument(Instant.now())).containsEntry("state", "SUCCESS")
			.doesNotContainKey("owner")
			.containsKeys("job_id", "app", "submit_date", "elapsed_time", "exit_status");
		assertThat(heard).extracting(JobStatusChange::seq, JobStatusChange::state)
			.isEqualTo(stored.stream()
				.map((change) -> org.assertj.core.groups.Tuple.tuple(change.seq(), change.state()))
				.toList());
		assertThat(jobs.changes().read(latest + 1, latest + 5)).isEmpty();
	}

	@Test
	void queuesAWebhookOnlyWhenAJobWithACallbackEnds() {
		JobRepository jobs = repository();
		Job hooked = jobs.insert(JobFixtures.job().owner("alice").callbackUrl("https://example.org/hook").build());
		Job plain = jobs.insert(pending("alice"));
		jobs.transition(hooked.id(), JobState.PENDING, JobChange.to(JobState.RUNNING, "running"));
		assertThat(jobs.webhooks().find(hooked.id())).isEmpty();
		jobs.transition(hooked.id(), JobState.RUNNING, JobChange.to(JobState.FAILURE, "exit 3").exitCode(3));
		jobs.transition(plain.id(), JobState.PENDING, JobChange.to(JobState.CANCELED, "by user"));
		assertThat(jobs.webhooks().find(plain.id())).isEmpty();
		assertThat(jobs.webhooks().find(hooked.id())).get().satisfies((delivery) -> {
			assertThat(delivery.url()).isEqualTo("https://example.org/hook");
			assertThat(delivery.change().state()).isEqualTo(JobState.FAILURE);
			assertThat(delivery.change().exitCode()).isEqualTo(3);
			assertThat(delivery.attempts()).isZero();
		});
		jobs.webhooks().remove(hooked.id());
	}

	@Test
	void claimsEachPendingJobOnce() throws InterruptedException {
		JobRepository jobs = repository();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(jobs.insert(pending("alice")).id());
		}
		Set<String> claimed = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		for (int t = 0; t < 4; t++) {
			String engine = "engine-" + t;
			pool.submit(() -> ids.forEach((id) -> {
				if (jobs.watched().claim(id, engine, Instant.now(), Instant.now().plusSeconds(60))) {
					assertThat(claimed.add(id)).isTrue();
				}
			}));
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		assertThat(claimed).hasSize(20);
		// a claim is no state change: the jobs wait, held off from other engines
		assertThat(jobs.findAllById(ids)).allMatch((job) -> job.state() == JobState.PENDING);
		assertThat(jobs.watched().claim(ids.get(0), "another", Instant.now(), Instant.now().plusSeconds(60))).isFalse();
	}

	@Test
	void pagesAnOwnersJobsNewestFirstWithoutOtherOwnersJobs() {
		JobRepository jobs = repository();
		List<String> mine = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			mine.add(0, jobs.insert(pending("carol")).id());
			jobs.insert(pending("dave"));
		}
		OwnerPage<Job> first = jobs.findByOwner("carol", null, 10, (job) -> true);
		assertThat(first.items()).extracting(Job::id).containsExactlyElementsOf(mine.subList(0, 10));
		OwnerPage<Job> second = jobs.findByOwner("carol", first.next(), 10, (job) -> true);
		assertThat(second.items()).extracting(Job::id).containsExactlyElementsOf(mine.subList(10, 20));
		OwnerPage<Job> last = jobs.findByOwner("carol", second.next(), 10, (job) -> true);
		assertThat(last.items()).extracting(Job::id).containsExactlyElementsOf(mine.subList(20, 25));
		assertThat(last.next()).isNull();
		jobs.delete(mine.get(3));
		OwnerPage<Job> filtered = jobs.findByOwner("carol", null, 5, (job) -> !job.id().equals(mine.get(1)));
		assertThat(filtered.items()).extracting(Job::id)
			.containsExactly(mine.get(0), mine.get(2), mine.get(4), mine.get(5), mine.get(6));
	}

}
