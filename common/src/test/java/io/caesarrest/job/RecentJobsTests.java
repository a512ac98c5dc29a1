package io.caesarrest.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class RecentJobsTests {

	private final AtomicLong now = new AtomicLong();

	private final RecentJobs cache = new RecentJobs(Duration.ofSeconds(1), 100, this.now::get);

	@Test
	void servesARecentReadUntilItsMaximumAgeThenReadsAgain() {
		Job first = JobFixtures.job().state(JobState.RUNNING).build();
		Job second = JobFixtures.job().id(first.id()).state(JobState.SUCCESS).build();
		assertThat(this.cache.get(first.id(), () -> first)).isSameAs(first);
		this.now.addAndGet(Duration.ofMillis(999).toNanos());
		assertThat(this.cache.get(first.id(), () -> fail("read the store again"))).isSameAs(first);
		this.now.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(this.cache.get(first.id(), () -> second)).isSameAs(second);
	}

	@Test
	void aWriteOfThisProcessIsSeenAtOnce() {
		Job first = JobFixtures.job().state(JobState.RUNNING).build();
		Job second = JobFixtures.job().id(first.id()).state(JobState.CANCELED).build();
		this.cache.get(first.id(), () -> first);
		this.cache.forget(first.id());
		assertThat(this.cache.get(first.id(), () -> second)).isSameAs(second);
	}

	@Test
	void neverKeepsAReadThatRacedWithAWrite() {
		Job before = JobFixtures.job().state(JobState.RUNNING).build();
		Job after = JobFixtures.job().id(before.id()).state(JobState.SUCCESS).build();
		// the write lands (and forgets the job) while the read is at the store with the
		// old document
		assertThat(this.cache.get(before.id(), () -> {
			this.cache.forget(before.id());
			return before;
		})).isSameAs(before);
		AtomicInteger reads = new AtomicInteger();
		assertThat(this.cache.get(before.id(), () -> {
			reads.incrementAndGet();
			return after;
		})).isSameAs(after);
		assertThat(this.cache.get(before.id(), () -> fail("read the store again"))).isSameAs(after);
		assertThat(reads).hasValue(1);
	}

	@Test
	void keepsNoMissAndStaysWithinItsCapacity() {
		assertThat(this.cache.get("absent", () -> null)).isNull();
		assertThat(this.cache.size()).isZero();
		for (int i = 0; i < 250; i++) {
			Job job = JobFixtures.job().build();
			this.cache.get(job.id(), () -> job);
			assertThat(this.cache.size()).isLessThanOrEqualTo(100);
		}
	}

	@Test
	void readsTheStoreEveryTimeWhenTurnedOff() {
		RecentJobs off = new RecentJobs(Duration.ZERO, 100, this.now::get);
		Job job = JobFixtures.job().build();
		AtomicInteger reads = new AtomicInteger();
		off.get(job.id(), () -> {
			reads.incrementAndGet();
			return job;
		});
		off.get(job.id(), () -> {
			reads.incrementAndGet();
			return job;
		});
		assertThat(reads).hasValue(2);
		assertThat(off.size()).isZero();
	}

}
