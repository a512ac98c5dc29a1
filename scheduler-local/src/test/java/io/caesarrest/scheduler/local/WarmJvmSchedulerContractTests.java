package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.caesarrest.app.AppLaunch;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.SchedulerRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler contract for a Java app run by pre-started worker JVMs (every contract
 * command runs through {@link ShellMain}), plus what only they do: job after job in one
 * JVM, up to its number of jobs, the heap from the memory hint, a crash, a cancel or an
 * error that ends only its own job, a late cancel that leaves the JVM's next job alone,
 * results and live jobs found again by another instance.
 */
class WarmJvmSchedulerContractTests extends LocalBackendContractTests {

	private static final String SHELL_MAIN = "{java-main:" + ShellMain.class.getName() + "}";

	private static final long MEMORY = 512L * 1024 * 1024;

	private static final int JOBS_PER_JVM = 3;

	@Override
	protected LocalScheduler newScheduler() {
		return new LocalScheduler(2, Duration.ofMillis(250), Duration.ofMillis(500), Clock.systemUTC(), null,
				new WorkerJvms(this.tempDir.resolve("jvms"), false, JOBS_PER_JVM), 2);
	}

	@BeforeEach
	void prepareJvms() {
		this.scheduler.prepareJava(ShellMain.class.getName(), MEMORY);
	}

	@Override
	protected void awaitReadyToRun() {
		await().atMost(endTimeout()).until(() -> this.scheduler.readyJvms() > 0);
	}

	@Override
	protected void checkAdoptedAndCanceled(SchedulerRef ref) {
		// the job ran in a JVM started before it, which its cancel ended
		assertThat(LocalRef.parse(ref).processStarted()).isBefore(LocalRef.parse(ref).started());
		long pid = LocalRef.parse(ref).pid();
		await().atMost(endTimeout()).until(() -> ProcessHandle.of(pid).map((h) -> !h.isAlive()).orElse(true));
	}

	@Override
	protected Duration endTimeout() {
		return Duration.ofSeconds(60);
	}

	@Override
	protected JobLaunch launch(Path jobDir, Duration maxRunTime, String... argv) {
		List<String> command = new ArrayList<>(List.of(SHELL_MAIN));
		command.addAll(List.of(argv));
		return new JobLaunch(jobDir.getFileName().toString().substring(4), "tester", "test", command, null, null,
				Map.of(), jobDir, 1, 1, maxRunTime, MEMORY, List.of());
	}

	private Map<String, String> jvmFacts() throws IOException {
		Path jobDir = newJobDir();
		SchedulerRef ref = this.scheduler.submit(launch(jobDir, Duration.ofMinutes(5), "jvm-facts"));
		assertThat(awaitEnd(ref).state()).isEqualTo(JobState.SUCCESS);
		assertThat(Files.readString(jobDir.resolve("job_" + jobDir.getFileName().toString().substring(4) + ".log")))
			.contains("facts of pid");
		Map<String, String> facts = new java.util.HashMap<>();
		for (String line : Files.readAllLines(jobDir.resolve("jvm-facts.txt"))) {
			facts.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
		}
		return facts;
	}

	@Test
	void saysItsWorkersWarmUpUntilOneIsReadyAndWhichAppsReuseThem() throws InterruptedException {
		// prepared just before: its JVM is starting
		assertThat(this.scheduler.workersWarmingUp()).isTrue();
		await().atMost(endTimeout()).until(() -> this.scheduler.readyJvms() > 0);
		assertThat(this.scheduler.workersWarmingUp()).isFalse();
		// while the JVMs' shared parts are made, nothing is ready for the apps to come
		CountDownLatch shared = new CountDownLatch(1);
		this.scheduler.prepareJavaApps(() -> {
			try {
				shared.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, Map.of(ShellMain.class.getName(), MEMORY));
		assertThat(this.scheduler.workersWarmingUp()).isTrue();
		shared.countDown();
		await().atMost(endTimeout()).until(() -> !this.scheduler.workersWarmingUp());

		assertThat(this.scheduler.reusesWorkers(new AppLaunch(null, null, List.of(), List.of(SHELL_MAIN), List.of())))
			.isTrue();
		assertThat(this.scheduler.reusesWorkers(new AppLaunch(null, null, List.of(), List.of("/bin/sh"), List.of())))
			.isFalse();
		assertThat(this.scheduler
			.reusesWorkers(new AppLaunch(null, null, List.of(), List.of("{java-main:no.such.Main}"), List.of())))
			.isFalse();
		assertThat(this.scheduler.reusesWorkers(new AppLaunch("app:1", null, List.of(), List.of(), List.of())))
			.isFalse();
	}

	@Test
	void runsJobAfterJobInAWarmedUpJvmWithTheHeapOfItsMemoryHintUpToItsNumberOfJobs() throws IOException {
		await().atMost(endTimeout()).until(() -> this.scheduler.readyJvms() == 2);
		String pid = null;
		for (int i = 1; i <= JOBS_PER_JVM; i++) {
			Map<String, String> facts = jvmFacts();
			assertThat(facts).containsEntry("warmed-up", "true").containsEntry("jobs", Integer.toString(i));
			// three quarters of the hint, less what the collector keeps aside
			assertThat(Long.parseLong(facts.get("max-heap"))).isBetween(MEMORY / 2, MEMORY * 3 / 4);
			pid = (pid != null) ? pid : facts.get("pid");
			assertThat(facts).containsEntry("pid", pid);
		}
		// its last job done, the JVM ended and another took its place
		long ended = Long.parseLong(pid);
		await().atMost(endTimeout()).until(() -> ProcessHandle.of(ended).map((h) -> !h.isAlive()).orElse(true));
		await().atMost(endTimeout()).until(() -> this.scheduler.readyJvms() == 2);
		assertThat(jvmFacts()).containsEntry("jobs", "1").doesNotContainEntry("pid", pid);
	}

	@Test
	void aJobsOwnOutputAndThatOfItsChildrenGoToItsLogOnly() throws IOException {
		await().atMost(endTimeout()).until(() -> this.scheduler.readyJvms() == 2);
		Path first = newJobDir();
		SchedulerRef ref = this.scheduler.submit(launch(first, Duration.ofMinutes(5), "/bin/sh", "-c", "echo first"));
		assertThat(awaitEnd(ref).state()).isEqualTo(JobState.SUCCESS);
		Path second = newJobDir();
		ref = this.scheduler.submit(launch(second, Duration.ofMinutes(5), "/bin/sh", "-c", "echo second; exit 3"));
		Execution execution = awaitEnd(ref);
		assertThat(execution.exitCode()).isEqualTo(3);
		assertThat(Files.readString(jobLog(first))).contains("first").doesNotContain("second");
		assertThat(Files.readString(jobLog(second))).contains("second").doesNotContain("first");
		assertThat(LocalRef.parse(ref).processStarted()).isBefore(LocalRef.parse(ref).started());
	}

	@Test
	void aLateCancelLeavesTheJvmsNextJobAlone() throws IOException {
		await().atMost(endTimeout()).until(() -> this.scheduler.readyJvms() == 2);
		SchedulerRef done = this.scheduler.submit(launch(newJobDir(), Duration.ofMinutes(5), "/bin/sh", "-c", "true"));
		assertThat(awaitEnd(done).state()).isEqualTo(JobState.SUCCESS);
		Path jobDir = newJobDir();
		SchedulerRef next = this.scheduler.submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c",
				"echo started > started.txt; sleep 2; echo finished > finished.txt"));
		assertThat(LocalRef.parse(next).pid()).isEqualTo(LocalRef.parse(done).pid());
		await().atMost(endTimeout()).until(() -> Files.exists(jobDir.resolve("started.txt")));
		this.scheduler.cancel(done);
		assertThat(awaitEnd(next).state()).isEqualTo(JobState.SUCCESS);
		assertThat(jobDir.resolve("finished.txt")).exists();
		assertThat(awaitEnd(done).state()).isEqualTo(JobState.SUCCESS);
	}

	@Test
	void anErrorEndsItsJobAndItsJvm() throws IOException {
		await().atMost(endTimeout()).until(() -> this.scheduler.readyJvms() == 2);
		Path jobDir = newJobDir();
		SchedulerRef ref = this.scheduler.submit(launch(jobDir, Duration.ofMinutes(5), "error"));
		Execution execution = awaitEnd(ref);
		assertThat(execution.state()).isEqualTo(JobState.FAILURE);
		assertThat(execution.exitCode()).isEqualTo(1);
		assertThat(Files.readString(jobLog(jobDir))).contains("OutOfMemoryError: a test's error");
		long pid = LocalRef.parse(ref).pid();
		await().atMost(endTimeout()).until(() -> ProcessHandle.of(pid).map((h) -> !h.isAlive()).orElse(true));
		assertThat(jvmFacts()).containsEntry("jobs", "1");
	}

	private static Path jobLog(Path jobDir) {
		return jobDir.resolve("job_" + jobDir.getFileName().toString().substring(4) + ".log");
	}

	@Test
	void aKilledJvmEndsOnlyItsOwnJob() throws IOException {
		Path jobDir = newJobDir();
		SchedulerRef ref = this.scheduler
			.submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c", "echo dying; kill -9 $PPID"));
		Execution execution = awaitEnd(ref);
		assertThat(execution.state()).isEqualTo(JobState.FAILURE);
		assertThat(execution.exitCode()).isEqualTo(137);
		assertThat(Files.readString(jobDir.resolve(JobLaunch.EXIT_CODE_FILE)).trim()).isEqualTo("137");
		assertThat(Files.readString(jobDir.resolve("job_" + jobDir.getFileName().toString().substring(4) + ".log")))
			.contains("dying");
		assertThat(jvmFacts()).containsEntry("jobs", "1");
	}

	@Test
	void aCanceledJobsJvmEndsAndLeavesItsCodeAndNoDir() throws IOException {
		await().atMost(endTimeout()).until(() -> this.scheduler.readyJvms() == 2);
		Path jobDir = newJobDir();
		SchedulerRef ref = this.scheduler
			.submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c", "echo started > started.txt; sleep 300"));
		await().atMost(endTimeout()).until(() -> Files.exists(jobDir.resolve("started.txt")));
		this.scheduler.cancel(ref);
		assertThat(awaitEnd(ref).state()).isEqualTo(JobState.CANCELED);
		// the wrapper outlived the JVM's SIGTERM: it saved the code and removed the JVM's
		// dir
		await().atMost(endTimeout()).until(() -> Files.exists(jobDir.resolve(JobLaunch.EXIT_CODE_FILE)));
		assertThat(Files.readString(jobDir.resolve(JobLaunch.EXIT_CODE_FILE)).trim()).isEqualTo("143");
		await().atMost(endTimeout()).untilAsserted(() -> {
			try (var dirs = Files.list(this.tempDir.resolve("jvms"))) {
				// the two idle JVMs (the one that ran the job replaced) and nothing else
				assertThat(dirs.flatMap(WarmJvmSchedulerContractTests::list)).hasSize(2);
			}
		});
	}

	@Test
	void closingThePoolEndsItsIdleJvms() {
		await().atMost(endTimeout()).until(() -> this.scheduler.readyJvms() == 2);
		Path pool = this.tempDir.resolve("jvms");
		this.scheduler.close();
		// each idle JVM exits without a job, its wrapper removes its dir, and the last
		// one
		// the pool's dir
		await().atMost(endTimeout()).untilAsserted(() -> {
			try (var dirs = Files.list(pool)) {
				assertThat(dirs).isEmpty();
			}
		});
	}

	private static java.util.stream.Stream<Path> list(Path dir) {
		try {
			return Files.list(dir).toList().stream();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
