package io.caesarrest.scheduler.slurm;

import java.time.Instant;

import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;

/**
 * Maps what slurmctld reports about a job onto an {@link Execution}.
 */
final class SlurmStates {

	/** The exit code of a job that ran out of time, as the {@code timeout} command's. */
	static final int TIMED_OUT_EXIT_CODE = 124;

	/** The exit code of a canceled job, as the original service's. */
	static final int CANCELED_EXIT_CODE = -1;

	private SlurmStates() {
	}

	/**
	 * The execution of a job as Slurm reports it.
	 * @param job the job
	 * @return the execution
	 */
	static Execution execution(SlurmJob job) {
		JobState state = state(job.state());
		Integer exitCode = switch (state) {
			case SUCCESS -> 0;
			case TIMED_OUT -> TIMED_OUT_EXIT_CODE;
			case CANCELED -> CANCELED_EXIT_CODE;
			case FAILURE -> job.exitCode();
			default -> null;
		};
		Instant start = (state == JobState.PENDING) ? null : job.start();
		Instant end = state.isTerminal() ? job.end() : null;
		return new Execution(state, exitCode, start, end, message(job));
	}

	/**
	 * The job state of a Slurm state. A state this backend does not know is treated as
	 * still running, so that a job is never ended on a guess.
	 * @param slurmState a Slurm base state, e.g. {@code COMPLETED}
	 * @return the job state
	 */
	static JobState state(String slurmState) {
		return switch (slurmState) {
			case "PENDING", "CONFIGURING", "SUSPENDED", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD",
					"STOPPED" ->
				JobState.PENDING;
			case "COMPLETED" -> JobState.SUCCESS;
			case "FAILED", "NODE_FAIL", "BOOT_FAIL", "OUT_OF_MEMORY", "DEADLINE", "PREEMPTED" -> JobState.FAILURE;
			case "TIMEOUT" -> JobState.TIMED_OUT;
			case "CANCELLED" -> JobState.CANCELED;
			default -> JobState.RUNNING;
		};
	}

	private static String message(SlurmJob job) {
		String words = "Slurm job " + job.id() + " " + job.state();
		if (job.reason() == null || job.reason().isBlank() || "None".equals(job.reason())) {
			return words;
		}
		return words + " (" + job.reason() + ")";
	}

}
