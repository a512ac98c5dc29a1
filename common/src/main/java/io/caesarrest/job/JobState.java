package io.caesarrest.job;

import java.util.Arrays;
import java.util.Optional;

/**
 * The states of a job, with the names of the original service ({@link #label()}).
 */
public enum JobState {

	PENDING("PENDING", false), STARTED("STARTED", false), RUNNING("RUNNING", false), SUCCESS("SUCCESS", true),
	FAILURE("FAILURE", true), TIMED_OUT("TIMED-OUT", true), CANCELED("CANCELED", true), ABORTED("ABORTED", true);

	private final String label;

	private final boolean terminal;

	JobState(String label, boolean terminal) {
		this.label = label;
		this.terminal = terminal;
	}

	/** The name users see, e.g. {@code TIMED-OUT}. */
	public String label() {
		return this.label;
	}

	public boolean isTerminal() {
		return this.terminal;
	}

	public boolean isActive() {
		return !this.terminal;
	}

	public static Optional<JobState> fromLabel(String label) {
		return Arrays.stream(values())
			.filter((s) -> s.label.equalsIgnoreCase(label) || s.name().equalsIgnoreCase(label))
			.findFirst();
	}

	/**
	 * The state a finished process maps to: 0 is success, 124 (the {@code timeout}
	 * command's code) a time-out, anything else a failure.
	 * @param exitCode the exit code
	 * @return the end state
	 */
	public static JobState fromExitCode(int exitCode) {
		return switch (exitCode) {
			case 0 -> SUCCESS;
			case 124 -> TIMED_OUT;
			default -> FAILURE;
		};
	}

}
