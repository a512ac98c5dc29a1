package io.caesarrest.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.caesarrest.storage.Ids;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the job store must guarantee on any MongoDB-compatible server: compare-and-set
 * state changes, terminal states that stay, atomic claims, owner scoping.
 */
abstract class JobRepositoryContractTests {

	protected abstract MongoTemplate mongo();

	private JobRepository repository() {
		JobRepository jobs = new JobRepository(mongo(), new JobMetrics(new SimpleMeterRegistry()));
		jobs.createIndexes();
		return jobs;
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
		assertThat(jobs.findByOwner("alice")).extracting(Job::id).contains(job.id());
		assertThat(jobs.findByOwner("bob")).extracting(Job::id).doesNotContain(job.id());
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
	void claimsEachPendingJobOnce() throws InterruptedException {
		JobRepository jobs = repository();
		mongo().dropCollection(Job.class);
		for (int i = 0; i < 20; i++) {
			jobs.insert(pending("alice"));
		}
		Set<String> claimed = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		for (int t = 0; t < 4; t++) {
			pool.submit(() -> {
				for (Optional<Job> job = claim(jobs); job.isPresent(); job = claim(jobs)) {
					assertThat(claimed.add(job.get().id())).isTrue();
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		assertThat(claimed).hasSize(20);
		// a claim is no state change: the jobs wait, held off from other engines
		assertThat(jobs.findActive("local")).allMatch((job) -> job.state() == JobState.PENDING);
		assertThat(claim(jobs)).isEmpty();
		jobs.releaseClaims("w", null);
		assertThat(claim(jobs)).isPresent();
	}

	private static Optional<Job> claim(JobRepository jobs) {
		return jobs.claimPending("local", "w", Instant.now(), Instant.now().plusSeconds(60));
	}

}
