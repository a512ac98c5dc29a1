package io.caesarrest.accounting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.caesarrest.file.DataFile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobMetrics;
import io.caesarrest.file.DataFileRepository;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobFixtures;
import io.caesarrest.job.JobState;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.StorageLayout;
import io.caesarrest.store.EmbeddedStoreExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The accounter's figures on the embedded store, through the real MongoDB driver: two
 * users with files, job dirs and jobs of two apps in several states.
 */
class AccounterTests {

	static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	@TempDir
	Path home;

	@RegisterExtension
	static final EmbeddedStoreExtension store = new EmbeddedStoreExtension();

	MongoTemplate mongo;

	StorageLayout layout;

	AccountingRepository repository;

	Accounter accounter;

	JobRepository jobs;

	DataFileRepository files;

	@BeforeEach
	void setUp() throws IOException {
		this.mongo = store.mongo();
		List.of("files", "jobs", "owner_counters", "usage_marks", "jobs_watched").forEach(this.mongo::dropCollection);
		List.of(UserAccounting.class, AppStats.class)
			.stream()
			.filter(this.mongo::collectionExists)
			.forEach(this.mongo::dropCollection);
		this.jobs = new JobRepository(this.mongo, new JobMetrics(new SimpleMeterRegistry()));
		this.jobs.createIndexes();
		this.files = new DataFileRepository(this.mongo);
		this.files.createIndexes();
		this.layout = new StorageLayout(this.home, this.home.resolve("data"), this.home.resolve("jobs"));
		this.repository = new AccountingRepository(this.mongo);
		this.accounter = new Accounter(this.mongo, this.layout, this.repository, Clock.fixed(NOW, ZoneOffset.UTC));
		file("alice", 1000);
		file("alice", 3000);
		file("bob", 500);
		job("alice", "testapp", JobState.SUCCESS, 10);
		job("alice", "testapp", JobState.FAILURE, 5);
		job("alice", "caesar", JobState.RUNNING, 20);
		job("alice", "caesar", JobState.PENDING, -1);
		job("bob", "caesar", JobState.SUCCESS, 30);
		job("bob", "caesar", JobState.TIMED_OUT, 60);
		job("bob", "caesar", JobState.CANCELED, -1);
		write(this.layout.userDataDir("alice").resolve("a.fits"), 2048);
		write(this.layout.userJobDir("alice").resolve("job_1").resolve("out").resolve("catalog.dat"), 1024);
		write(this.layout.userJobDir("alice").resolve("job_2").resolve("log.txt"), 512);
	}

	@Test
	void countsEachUsersFilesJobsAndDiskUsage() {
		this.accounter.runOnce();
		UserAccounting alice = this.repository.findUser("alice").orElseThrow();
		assertThat(alice.files()).isEqualTo(2);
		assertThat(alice.bytes()).isEqualTo(4000);
		assertThat(alice.datasize()).isEqualTo(2.0);
		assertThat(alice.jobsize()).isEqualTo(1.5);
		assertThat(alice.njobs()).isEqualTo(4);
		assertThat(alice.njobsCompleted()).isEqualTo(1);
		assertThat(alice.njobsFailed()).isEqualTo(1);
		assertThat(alice.njobsRunning()).isEqualTo(1);
		assertThat(alice.njobsPending()).isEqualTo(1);
		assertThat(alice.njobsAborted()).isZero();
		assertThat(alice.njobsUnknown()).isZero();
		assertThat(alice.jobRuntime()).isCloseTo(35.0, within(1e-9));
		assertThat(alice.jobCompletedRuntime()).isCloseTo(10.0, within(1e-9));
		assertThat(alice.timestamp()).isEqualTo(NOW);
		assertThat(alice.byState()).containsExactly(Map.entry("PENDING", 1L), Map.entry("RUNNING", 1L),
				Map.entry("SUCCESS", 1L), Map.entry("FAILURE", 1L));
		assertThat(alice.byApp()).containsExactly(new AppJobs("caesar", 2), new AppJobs("testapp", 2));
	}

	@Test
	void sumsUsersAndAppsIntoServiceWideFigures() {
		AppStats computed = this.accounter.runOnce();
		AppStats stats = this.repository.findAppStats().orElseThrow();
		assertThat(stats).isEqualTo(computed);
		assertThat(stats.nusers()).isEqualTo(2);
		assertThat(stats.files()).isEqualTo(3);
		assertThat(stats.bytes()).isEqualTo(4500);
		assertThat(stats.datasize()).isEqualTo(2.0);
		assertThat(stats.jobsize()).isEqualTo(1.5);
		assertThat(stats.totsize()).isEqualTo(3.5);
		assertThat(stats.njobs()).isEqualTo(7);
		assertThat(stats.njobsCompleted()).isEqualTo(2);
		assertThat(stats.jobRuntime()).isCloseTo(125.0, within(1e-9));
		assertThat(stats.jobCompletedRuntime()).isCloseTo(40.0, within(1e-9));
		assertThat(stats.avgCompletedJobRuntime()).isCloseTo(20.0, within(1e-9));
		assertThat(stats.byState()).containsEntry("TIMED-OUT", 1L).containsEntry("CANCELED", 1L);
		assertThat(stats.apps()).extracting(AppUsage::app).containsExactly("caesar", "testapp");
		AppUsage caesar = stats.apps().get(0);
		assertThat(caesar.njobs()).isEqualTo(5);
		assertThat(caesar.nusers()).isEqualTo(2);
		assertThat(caesar.runtime()).isCloseTo(110.0, within(1e-9));
		assertThat(caesar.byState()).containsEntry("SUCCESS", 1L)
			.containsEntry("TIMED-OUT", 1L)
			.containsEntry("RUNNING", 1L)
			.containsEntry("PENDING", 1L)
			.containsEntry("CANCELED", 1L);
		assertThat(stats.apps().get(1).nusers()).isEqualTo(1);
	}

	@Test
	void zeroesUsersWhoNoLongerOwnAnything() {
		this.accounter.runOnce();
		this.mongo.findAll(DataFile.class).forEach((file) -> this.files.delete(file.id()));
		this.mongo.findAll(Job.class).forEach((job) -> this.jobs.delete(job.id()));
		AppStats stats = this.accounter.runOnce();
		assertThat(this.repository.findUser("bob")).get().satisfies((bob) -> {
			assertThat(bob.files()).isZero();
			assertThat(bob.njobs()).isZero();
			assertThat(bob.byApp()).isEmpty();
		});
		assertThat(stats.nusers()).isZero();
		assertThat(stats.njobs()).isZero();
		assertThat(stats.datasize()).isEqualTo(2.0);
	}

	@Test
	void recountsOnlyTheUsersWhoseFilesOrJobsChanged() {
		this.accounter.runOnce();
		UserAccounting bobBefore = this.repository.findUser("bob").orElseThrow();
		// alice has jobs still active, so she is recounted each pass; bob only when
		// marked
		this.mongo.insert(JobFixtures.job().owner("bob").app("caesar").state(JobState.SUCCESS).build());
		this.accounter.runOnce();
		assertThat(this.repository.findUser("bob").orElseThrow().njobs()).isEqualTo(bobBefore.njobs());
		file("bob", 700);
		AppStats stats = this.accounter.runOnce();
		UserAccounting bob = this.repository.findUser("bob").orElseThrow();
		assertThat(bob.files()).isEqualTo(2);
		assertThat(bob.bytes()).isEqualTo(1200);
		assertThat(stats.files()).isEqualTo(4);
		assertThat(stats.bytes()).isEqualTo(5200);
		assertThat(stats.njobs()).isEqualTo(7);
	}

	@Test
	void accountsOneUserOnDemandWithoutStoringIt() {
		UserAccounting bob = this.accounter.account("bob");
		assertThat(bob.files()).isEqualTo(1);
		assertThat(bob.njobs()).isEqualTo(3);
		assertThat(bob.byState()).containsOnlyKeys("SUCCESS", "TIMED-OUT", "CANCELED");
		assertThat(bob.jobRuntime()).isCloseTo(90.0, within(1e-9));
		assertThat(this.repository.findUser("bob")).isEmpty();
		UserAccounting nobody = this.accounter.account("nobody");
		assertThat(nobody.njobs()).isZero();
		assertThat(nobody.files()).isZero();
		assertThat(nobody.datasize()).isZero();
	}

	private void file(String owner, long size) {
		String id = Ids.newId();
		this.files.insert(new DataFile(id, owner, "f.fits", "fits", size, "00", "/data/" + id, NOW, "", null));
	}

	/**
	 * A job that ran for {@code seconds} (until now if still running), or never started
	 * if negative.
	 */
	private void job(String owner, String app, JobState state, long seconds) {
		Instant start = (seconds < 0) ? null : NOW.minusSeconds(seconds + 100);
		Instant end = null;
		if (start != null) {
			start = state.isTerminal() ? start : NOW.minusSeconds(seconds);
			end = state.isTerminal() ? start.plusSeconds(seconds) : null;
		}
		this.jobs.insert(JobFixtures.job()
			.owner(owner)
			.app(app)
			.state(state)
			.submitted(NOW.minusSeconds(1000))
			.started(start)
			.ended(end)
			.build());
	}

	private static void write(Path file, int size) throws IOException {
		Files.createDirectories(file.getParent());
		Files.write(file, new byte[size]);
	}

}
