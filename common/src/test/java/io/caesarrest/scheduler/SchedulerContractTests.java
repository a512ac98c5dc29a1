package io.caesarrest.scheduler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.caesarrest.job.JobState;
import io.caesarrest.storage.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour every {@link Scheduler} backend must have. Each backend's test extends
 * this class and provides the scheduler and a job dir the backend's jobs can write to.
 */
public abstract class SchedulerContractTests {

	@TempDir
	protected Path tempDir;

	/** The backend under test. */
	protected abstract Scheduler scheduler();

	/** A fresh job dir that the backend's jobs can see under the same path. */
	protected Path newJobDir() throws IOException {
		return Files.createDirectories(this.tempDir.resolve("job_" + Ids.newId()));
	}

	/** How long a trivial job may take to end on this backend. */
	protected Duration endTimeout() {
		return Duration.ofSeconds(30);
	}

	protected JobLaunch launch(Path jobDir, Duration maxRunTime, String... argv) {
		return JobLaunch.nativeCommand(jobDir.getFileName().toString().substring(4), "tester", "test", List.of(argv),
				jobDir, 1, maxRunTime);
	}

	protected Execution awaitEnd(SchedulerRef ref) {
		return await().atMost(endTimeout()).pollInterval(Duration.ofMillis(100)).until(() -> {
			Execution execution = scheduler().poll(List.of(ref)).get(ref);
			return (execution != null && execution.state().isTerminal()) ? execution : null;
		}, (execution) -> execution != null);
	}

	@Test
	void runsJobToSuccessInItsDirectory() throws IOException {
		Path jobDir = newJobDir();
		SchedulerRef ref = scheduler()
			.submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c", "echo done > result.txt"));
		Execution execution = awaitEnd(ref);
		assertThat(execution.state()).isEqualTo(JobState.SUCCESS);
		assertThat(execution.exitCode()).isZero();
		assertThat(Files.readString(jobDir.resolve("result.txt"))).isEqualTo("done\n");
	}

	@Test
	void reportsNonZeroExitAsFailureWithItsCode() throws IOException {
		SchedulerRef ref = scheduler().submit(launch(newJobDir(), Duration.ofMinutes(5), "/bin/sh", "-c", "exit 3"));
		Execution execution = awaitEnd(ref);
		assertThat(execution.state()).isEqualTo(JobState.FAILURE);
		assertThat(execution.exitCode()).isEqualTo(3);
	}

	@Test
	void passesArgumentsLiterallyWithoutAShell() throws IOException {
		Path jobDir = newJobDir();
		String hostile = "x$(touch pwned);id>p2 `touch pwned2` 'q\" \\";
		SchedulerRef ref = scheduler().submit(
				launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c", "printf '%s' \"$1\" > arg.txt", "sh", hostile));
		assertThat(awaitEnd(ref).state()).isEqualTo(JobState.SUCCESS);
		assertThat(Files.readString(jobDir.resolve("arg.txt"))).isEqualTo(hostile);
		assertThat(jobDir.resolve("pwned")).doesNotExist();
		assertThat(jobDir.resolve("pwned2")).doesNotExist();
		assertThat(jobDir.resolve("p2")).doesNotExist();
	}

	@Test
	void cancelsRunningJobAndIsIdempotent() throws IOException {
		Path jobDir = newJobDir();
		SchedulerRef ref = scheduler().submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c",
				"echo started > started.txt; sleep 300; echo late > late.txt"));
		await().atMost(endTimeout()).until(() -> Files.exists(jobDir.resolve("started.txt")));
		scheduler().cancel(ref);
		Execution execution = awaitEnd(ref);
		assertThat(execution.state()).isEqualTo(JobState.CANCELED);
		scheduler().cancel(ref);
		assertThat(jobDir.resolve("late.txt")).doesNotExist();
	}

	@Test
	void stopsJobOverItsTimeLimit() throws IOException {
		SchedulerRef ref = scheduler().submit(launch(newJobDir(), Duration.ofSeconds(2), "/bin/sh", "-c", "sleep 300"));
		Execution execution = awaitEnd(ref);
		assertThat(execution.state()).isEqualTo(JobState.TIMED_OUT);
	}

	@Test
	void pollsManyJobsInOneCall() throws IOException {
		List<SchedulerRef> refs = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			refs.add(scheduler().submit(launch(newJobDir(), Duration.ofMinutes(5), "/bin/sh", "-c", "exit " + i)));
		}
		await().atMost(endTimeout())
			.until(() -> scheduler().poll(refs).values().stream().allMatch((e) -> e.state().isTerminal()));
		Map<SchedulerRef, Execution> executions = scheduler().poll(refs);
		for (int i = 0; i < 5; i++) {
			assertThat(executions.get(refs.get(i)).exitCode()).isEqualTo(i);
		}
	}

}
