package io.caesarrest.scheduler.slurm;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An entry of the {@code errors} list of a slurmrestd answer (all versions).
 *
 * @param error short text (v0.0.38) or the error number's name
 * @param description longer text (v0.0.40+)
 * @param errorNumber Slurm's error number
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SlurmError(String error, String description, @JsonProperty("error_number") Integer errorNumber) {

	/** Slurm's ESLURM_INVALID_JOB_ID. */
	static final int INVALID_JOB_ID = 2017;

	/** Slurm's ESLURM_ALREADY_DONE. */
	static final int ALREADY_DONE = 2021;

	static String describe(List<SlurmError> errors) {
		if (errors == null || errors.isEmpty()) {
			return "no error details";
		}
		return errors.stream()
			.map((e) -> Objects.requireNonNullElse(e.description(), Objects.requireNonNullElse(e.error(), "?"))
					+ ((e.errorNumber() != null) ? " (" + e.errorNumber() + ")" : ""))
			.collect(Collectors.joining("; "));
	}

	static boolean isGoneJob(List<SlurmError> errors) {
		return errors != null && !errors.isEmpty()
				&& errors.stream()
					.allMatch((e) -> e.errorNumber() != null
							&& (e.errorNumber() == INVALID_JOB_ID || e.errorNumber() == ALREADY_DONE));
	}

}
