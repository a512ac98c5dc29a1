package io.caesarrest.scheduler.slurm;

import java.time.Instant;

import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mapping of Slurm's job states and exit codes.
 */
class SlurmStatesTests {

	private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

	private static final Instant END = Instant.parse("2026-11-23T10:05:00Z");

	@ParameterizedTest
	@CsvSource({ "PENDING, PENDING", "CONFIGURING, PENDING", "SUSPENDED, PENDING", "REQUEUED, PENDING",
			"RUNNING, RUNNING", "COMPLETING, RUNNING", "COMPLETED, SUCCESS", "FAILED, FAILURE", "NODE_FAIL, FAILURE",
			"BOOT_FAIL, FAILURE", "OUT_OF_MEMORY, FAILURE", "DEADLINE, FAILURE", "PREEMPTED, FAILURE",
			"TIMEOUT, TIMED_OUT", "CANCELLED, CANCELED", "SOMETHING_NEW, RUNNING" })
	void mapsSlurmStates(String slurmState, JobState state) {
		assertThat(SlurmStates.state(slurmState)).isEqualTo(state);
	}

	@Test
	void reportsTheExitCodeOfAFailedJob() {
		Execution execution = SlurmStates.execution(job("FAILED", "NonZeroExitCode", 3));
		assertThat(execution.state()).isEqualTo(JobState.FAILURE);
		assertThat(execution.exitCode()).isEqualTo(3);
		assertThat(execution.start()).isEqualTo(START);
		assertThat(execution.end()).isEqualTo(END);
		assertThat(execution.message()).isEqualTo("Slurm job 42 FAILED (NonZeroExitCode)");
	}

	@Test
	void usesTheOriginalExitCodesOfSuccessTimeOutAndCancel() {
		assertThat(SlurmStates.execution(job("COMPLETED", "None", 0)).exitCode()).isZero();
		assertThat(SlurmStates.execution(job("TIMEOUT", "TimeLimit", 143)).exitCode()).isEqualTo(124);
		assertThat(SlurmStates.execution(job("CANCELLED", "None", 137)).exitCode()).isEqualTo(-1);
	}

	@Test
	void reportsNeitherEndNorExitCodeWhileTheJobIsActive() {
		Execution running = SlurmStates.execution(job("RUNNING", "None", 0));
		assertThat(running.exitCode()).isNull();
		assertThat(running.end()).isNull();
		assertThat(running.start()).isEqualTo(START);
		assertThat(running.message()).isEqualTo("Slurm job 42 RUNNING");
		Execution pending = SlurmStates.execution(job("PENDING", "Resources", 0));
		assertThat(pending.start()).isNull();
		assertThat(pending.message()).isEqualTo("Slurm job 42 PENDING (Resources)");
	}

	private static SlurmJob job(String state, String reason, Integer exitCode) {
		return new SlurmJob(42, "0123", state, reason, exitCode, START, END);
	}

}
