package io.caesarrest.job;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobTransitionsTests {

	@Test
	void terminalStatesHaveNoWayOut() {
		for (JobState from : JobState.values()) {
			if (from.isTerminal()) {
				for (JobState to : JobState.values()) {
					assertThat(JobTransitions.isAllowed(from, to)).as(from + "->" + to).isFalse();
				}
			}
		}
	}

	@Test
	void activeJobsMoveForwardOnly() {
		assertThat(JobTransitions.isAllowed(JobState.PENDING, JobState.RUNNING)).isTrue();
		assertThat(JobTransitions.isAllowed(JobState.RUNNING, JobState.CANCELED)).isTrue();
		assertThat(JobTransitions.isAllowed(JobState.RUNNING, JobState.PENDING)).isFalse();
		assertThat(JobTransitions.isAllowed(JobState.RUNNING, JobState.STARTED)).isFalse();
	}

	@Test
	void mapsExitCodesAsTheOriginal() {
		assertThat(JobState.fromExitCode(0)).isEqualTo(JobState.SUCCESS);
		assertThat(JobState.fromExitCode(124)).isEqualTo(JobState.TIMED_OUT);
		assertThat(JobState.fromExitCode(1)).isEqualTo(JobState.FAILURE);
		assertThat(JobState.TIMED_OUT.label()).isEqualTo("TIMED-OUT");
	}

}
