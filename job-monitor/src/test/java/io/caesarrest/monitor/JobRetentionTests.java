package io.caesarrest.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.caesarrest.job.EndedJobs;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobChange;
import io.caesarrest.job.JobFixtures;
import io.caesarrest.job.JobMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.StorageLayout;
import io.caesarrest.store.EmbeddedStoreExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention pass against the embedded store and a real job dir tree.
 */
class JobRetentionTests {

	@TempDir
	Path home;

	@RegisterExtension
	static final EmbeddedStoreExtension store = new EmbeddedStoreExtension();

	JobRepository jobs;

	StorageLayout layout;

	@BeforeEach
	void setUp() {
		this.jobs = new JobRepository(store.mongo(), new JobMetrics(new SimpleMeterRegistry()));
		this.layout = new StorageLayout(this.home, this.home.resolve("data"), this.home.resolve("jobs"));
	}

	@Test
	void removesOldEndedJobsWithTheirDirsAndDirsOfDeletedJobsOnly() throws IOException {
		Instant now = Instant.now();
		Job oldEnded = job(JobState.SUCCESS, now.minus(Duration.ofDays(40)));
		Job recentEnded = job(JobState.FAILURE, now.minus(Duration.ofDays(2)));
		Job oldRunning = job(JobState.RUNNING, null);
		Path orphan = Files.createDirectories(this.layout.jobDir("bob", Ids.newId()));
		Files.setLastModifiedTime(orphan, FileTime.from(now.minus(Duration.ofDays(40))));
		Path recentOrphan = Files.createDirectories(this.layout.jobDir("bob", Ids.newId()));
		Path upload = Files.createDirectories(this.layout.userDataDir("alice")).resolve("x.fits");
		Files.writeString(upload, "data");

		Map<String, Integer> removed = new JobRetention(this.jobs, this.layout, Duration.ofDays(30), Clock.systemUTC())
			.purge();

		assertThat(removed).containsEntry("jobs", 1).containsEntry("orphanDirectories", 1);
		assertThat(this.jobs.findById(oldEnded.id())).isEmpty();
		assertThat(Path.of(oldEnded.jobDir())).doesNotExist();
		assertThat(this.jobs.findById(recentEnded.id())).isPresent();
		assertThat(Path.of(recentEnded.jobDir())).isDirectory();
		assertThat(this.jobs.findById(oldRunning.id())).isPresent();
		assertThat(Path.of(oldRunning.jobDir())).isDirectory();
		assertThat(orphan).doesNotExist();
		assertThat(recentOrphan).isDirectory();
		assertThat(upload).exists();
	}

	@Test
	void laterPassesReadTheHoursJobsEndedInAndNeverScanTheJobs() throws IOException {
		Instant now = Instant.now();
		JobRetention first = new JobRetention(this.jobs, this.layout, Duration.ofDays(30),
				Clock.fixed(now, ZoneOffset.UTC));
		assertThat(first.purge()).containsEntry("jobs", 0);
		assertThat(this.jobs.ended().nextHour()).contains(EndedJobs.hour(now.minus(Duration.ofDays(30))));

		Job endedNow = job(JobState.RUNNING, null);
		assertThat(this.jobs.transition(endedNow.id(), JobState.RUNNING,
				JobChange.to(JobState.SUCCESS, "done").exitCode(0).ended(now)))
			.isTrue();
		// a job no hour holds (stored ended without a state change): only a scan would
		// find it
		Job neverEnded = job(JobState.SUCCESS, now.minus(Duration.ofDays(40)));

		JobRetention tooEarly = new JobRetention(this.jobs, this.layout, Duration.ofDays(30),
				Clock.fixed(now.plus(Duration.ofDays(29)), ZoneOffset.UTC));
		assertThat(tooEarly.purge()).containsEntry("jobs", 0);
		assertThat(this.jobs.findById(endedNow.id())).isPresent();

		JobRetention later = new JobRetention(this.jobs, this.layout, Duration.ofDays(30),
				Clock.fixed(now.plus(Duration.ofDays(30)).plus(Duration.ofHours(2)), ZoneOffset.UTC));
		assertThat(later.purge()).containsEntry("jobs", 1);
		assertThat(this.jobs.findById(endedNow.id())).isEmpty();
		assertThat(Path.of(endedNow.jobDir())).doesNotExist();
		assertThat(this.jobs.findById(neverEnded.id())).isPresent();
		assertThat(this.jobs.ended().endedIn(EndedJobs.hour(now))).isEmpty();
	}

	private Job job(JobState state, Instant ended) throws IOException {
		String id = Ids.newId();
		Path dir = Files.createDirectories(this.layout.jobDir("alice", id));
		Files.writeString(dir.resolve("catalog-x.json"), "{}");
		Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minus(Duration.ofDays(60))));
		Instant submitted = Instant.now().minus(Duration.ofDays(60));
		return this.jobs.insert(JobFixtures.job()
			.id(id)
			.schedulerRef("ref")
			.state(state)
			.exitCode(0)
			.submitted(submitted)
			.started(submitted)
			.ended(ended)
			.jobDir(dir)
			.build());
	}

}
