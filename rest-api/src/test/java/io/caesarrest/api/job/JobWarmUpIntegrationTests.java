package io.caesarrest.api.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.caesarrest.accounting.Accounter;
import io.caesarrest.api.ApiClient;
import io.caesarrest.api.TestApps;
import io.caesarrest.api.TestFits;
import io.caesarrest.file.DataFile;
import io.caesarrest.file.DataFileRepository;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.storage.StorageLayout;
import io.caesarrest.storage.WarmUpOwner;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job warm-up of the all-in-one service, with a real pre-started worker JVM: its jobs
 * run through the engine and the JVM, and leave no job, file, directory, usage figure or
 * metric behind; what a killed warm-up left is removed; a user's job stops it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobWarmUpIntegrationTests {

	private static final int JOBS = 3;

	@TempDir
	static Path home;

	@LocalServerPort
	int port;

	@Autowired
	JobWarmUp warmUp;

	@Autowired
	JobRepository jobs;

	@Autowired
	DataFileRepository files;

	@Autowired
	StorageLayout layout;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Accounter accounter;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("caesar.home", () -> home.toString());
		registry.add("caesar.apps.dir", TestApps::dir);
		registry.add("caesar.scheduler.local.warm-jvms", () -> "1");
		registry.add("caesar.scheduler.local.jvm-dir", () -> home.resolve("jvms").toString());
		registry.add("caesar.jobs.warm-up-jobs", () -> String.valueOf(JOBS));
		// long enough to be seen running, were it not left out
		registry.add("caesar.store.warm-up-rounds", () -> "100000");
	}

	@Test
	void runsItsJobsInTheWarmJvmThenLeavesNothingAndStopsForAUsersJob() throws Exception {
		// run while the service started, once the worker JVM had warmed up, and over
		// before its port opened
		assertThat(this.warmUp.awaitEnd(Duration.ZERO)).isEqualTo(JOBS);
		// and the store warm-up, whose commands these jobs ran, was left out
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch((t) -> t.getName().equals("store-warm-up"));
		Map<String, List<Document>> changes = warmUpChanges();
		assertThat(changes).hasSize(JOBS);
		// submitted, then run by the engine in a process of the local queue to success
		assertThat(changes.values()).allSatisfy((job) -> {
			assertThat(job.get(0).getString("state")).isEqualTo("PENDING");
			Document end = job.get(job.size() - 1);
			assertThat(end.getString("state")).isEqualTo("SUCCESS");
			assertThat(end.getInteger("exit_code")).isZero();
			assertThat(end.getString("pid")).isNotBlank();
			assertThat(end.get("start_date")).isNotNull();
		});
		assertNothingLeft();

		// what a warm-up killed during a job left: its input, the job, their dirs
		DataFile input = leftInput();
		Job left = Job.pending("0123456789abcdef0123456789abcdef", WarmUpOwner.NAME, "local",
				new Job.Request(JobWarmUp.APP, Map.of(), JobSubmissions.OPTIONS, Map.of("data", input.id()), "", null),
				new Job.Command(input.path(), List.of("true"), 1, 1, Duration.ofHours(1)),
				this.layout.jobDir(WarmUpOwner.NAME, "0123456789abcdef0123456789abcdef"), Instant.now());
		Files.createDirectories(Path.of(left.jobDir()));
		Files.writeString(Path.of(left.jobDir()).resolve("partial.dat"), "1 2 3\n");
		this.jobs.insert(left);
		// a second run (as at the next start) removes it first, then plays its jobs
		assertThat(this.warmUp.run()).isEqualTo(JOBS);
		assertThat(warmUpChanges()).hasSize(2 * JOBS + 1);
		assertNothingLeft();

		// a user's job: the warm-up stops and runs no more jobs
		ApiClient api = new ApiClient(this.port);
		String job = api.submitOk("""
				{"app":"testapp","data_inputs":"%s","job_options":{"sleep":0}}"""
			.formatted(api.uploadOk(TestFits.write(home.resolve("user.fits"), 1000, 1), "user.fits")));
		assertThat(
				api.awaitState(job, Duration.ofSeconds(60), JobState.SUCCESS, JobState.FAILURE).get("state").asString())
			.isEqualTo("SUCCESS");
		assertThat(this.warmUp.run()).isZero();
		assertThat(warmUpChanges()).hasSize(2 * JOBS + 1);
		assertNothingLeft();
	}

	// job id -> its changes in the change feed, oldest first, for the warm-up's jobs
	private Map<String, List<Document>> warmUpChanges() {
		return this.mongo
			.find(Query.query(Criteria.where("owner").is(WarmUpOwner.NAME)).with(Sort.by("_id")), Document.class,
					"job_changes")
			.stream()
			.collect(Collectors.groupingBy((change) -> change.getString("job")));
	}

	private DataFile leftInput() throws Exception {
		Path image = this.layout.dataFile(WarmUpOwner.NAME, "fedcba9876543210fedcba9876543210", "fits");
		Files.createDirectories(image.getParent());
		TestFits.write(image, 1000, 2);
		return this.files.insert(new DataFile("fedcba9876543210fedcba9876543210", WarmUpOwner.NAME, "warm-up.fits",
				"fits", Files.size(image), "", image.toString(), Instant.now(), null, null));
	}

	private void assertNothingLeft() {
		assertThat(this.jobs.findByOwner(WarmUpOwner.NAME, null, 10, (job) -> true).items()).isEmpty();
		assertThat(this.files.findByOwner(WarmUpOwner.NAME, null, 10, (file) -> true).items()).isEmpty();
		assertThat(this.layout.userJobDir(WarmUpOwner.NAME)).doesNotExist();
		assertThat(this.layout.userDataDir(WarmUpOwner.NAME)).doesNotExist();
		assertThat(this.mongo.exists(Query.query(Criteria.where("_id").is(WarmUpOwner.NAME)), "usage_marks")).isFalse();
		this.accounter.runOnce();
		assertThat(this.mongo.exists(Query.query(Criteria.where("_id").is(WarmUpOwner.NAME)), "accounting")).isFalse();
		assertThat(this.meters.find("caesar.jobs.submitted").tag("app", JobWarmUp.APP).counter()).isNull();
		assertThat(this.meters.find("caesar.jobs.finished").tag("app", JobWarmUp.APP).counter()).isNull();
		Set<String> watched = this.mongo.findAll(Document.class, "jobs_watched")
			.stream()
			.map((document) -> document.getString("owner"))
			.collect(Collectors.toSet());
		assertThat(watched).doesNotContain(WarmUpOwner.NAME);
	}

}
