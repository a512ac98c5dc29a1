package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerContractTests;
import io.caesarrest.scheduler.SchedulerRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler contract for one way the local backend runs jobs, plus what every such
 * way owes a restarted service: another instance reads a finished job's result from its
 * job dir, and adopts a running job, which it can cancel.
 */
abstract class LocalBackendContractTests extends SchedulerContractTests {

	protected LocalScheduler scheduler;

	/**
	 * A scheduler with this test's settings: the one under test, or another instance
	 * standing in for the service after a restart.
	 * @return a new scheduler
	 */
	protected abstract LocalScheduler newScheduler();

	/** Waits until a job submitted now runs the way this test is about (at once here). */
	protected void awaitReadyToRun() {
	}

	/**
	 * Checks what is left of a job that another instance adopted and canceled (nothing
	 * here).
	 * @param ref the job
	 */
	protected void checkAdoptedAndCanceled(SchedulerRef ref) {
	}

	@BeforeEach
	void startScheduler() {
		this.scheduler = newScheduler();
	}

	@AfterEach
	void closeScheduler() {
		this.scheduler.close();
	}

	@Override
	protected Scheduler scheduler() {
		return this.scheduler;
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
		awaitReadyToRun();
		Path jobDir = newJobDir();
		SchedulerRef ref = this.scheduler
			.submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c", "echo started > started.txt; sleep 300"));
		await().atMost(endTimeout()).until(() -> Files.exists(jobDir.resolve("started.txt")));
		try (LocalScheduler restarted = newScheduler()) {
			assertThat(restarted.poll(List.of(ref)).get(ref).state()).isEqualTo(JobState.RUNNING);
			restarted.cancel(ref);
			Execution execution = await().atMost(endTimeout())
				.until(() -> restarted.poll(List.of(ref)).get(ref), (e) -> e != null && e.state().isTerminal());
			assertThat(execution.state()).isEqualTo(JobState.CANCELED);
		}
		checkAdoptedAndCanceled(ref);
	}

}
