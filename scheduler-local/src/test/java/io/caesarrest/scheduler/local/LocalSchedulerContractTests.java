package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerContractTests;
import io.caesarrest.scheduler.SchedulerRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler contract against real local processes, plus what only the local backend
 * does: stopping a whole process tree and reading results after a restart.
 */
class LocalSchedulerContractTests extends SchedulerContractTests {

	private final LocalScheduler scheduler = newScheduler();

	private static LocalScheduler newScheduler() {
		return new LocalScheduler(2, Duration.ofMillis(250), Duration.ofMillis(500), Clock.systemUTC());
	}

	@Override
	protected Scheduler scheduler() {
		return this.scheduler;
	}

	@AfterEach
	void close() {
		this.scheduler.close();
	}

	@Test
	void cancelStopsChildrenThatStartedTheirOwnSession() throws IOException {
		Path jobDir = newJobDir();
		// the child starts a new process group and outlives its parent shell
		SchedulerRef ref = this.scheduler.submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c",
				"setsid sh -c 'echo $$ > child.pid; exec sleep 300' & sleep 300"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Files.exists(jobDir.resolve("child.pid"))
					&& !Files.readString(jobDir.resolve("child.pid")).isBlank());
		long child = Long.parseLong(Files.readString(jobDir.resolve("child.pid")).trim());
		this.scheduler.cancel(ref);
		assertThat(awaitEnd(ref).state()).isEqualTo(JobState.CANCELED);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ProcessHandle.of(child).map((h) -> !h.isAlive()).orElse(true));
	}

	@Test
	void anotherInstanceReadsTheResultFromTheJobDir() throws IOException {
		SchedulerRef ref = this.scheduler.submit(launch(newJobDir(), Duration.ofMinutes(5), "/bin/sh", "-c", "exit 7"));
		awaitEnd(ref);
		try (LocalScheduler restarted = newScheduler()) {
			Execution execution = restarted.poll(List.of(ref)).get(ref);
			assertThat(execution.state()).isEqualTo(JobState.FAILURE);
			assertThat(execution.exitCode()).isEqualTo(7);
		}
	}

	@Test
	void anotherInstanceAdoptsARunningJobAndCanCancelIt() throws IOException {
		Path jobDir = newJobDir();
		SchedulerRef ref = this.scheduler
			.submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c", "echo started > started.txt; sleep 300"));
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(jobDir.resolve("started.txt")));
		try (LocalScheduler restarted = newScheduler()) {
			assertThat(restarted.poll(List.of(ref)).get(ref).state()).isEqualTo(JobState.RUNNING);
			restarted.cancel(ref);
			Execution execution = await().atMost(Duration.ofSeconds(10))
				.until(() -> restarted.poll(List.of(ref)).get(ref), (e) -> e != null && e.state().isTerminal());
			assertThat(execution.state()).isEqualTo(JobState.CANCELED);
		}
	}

}
