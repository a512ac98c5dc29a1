package io.caesarrest.scheduler.slurm;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpMethod;

/**
 * OpenAPI v0.0.40 and v0.0.41 (Slurm 23.11 to 25.05): environment as a list of
 * {@code K=V}, numbers as {@code {set, infinite, number}} objects, the job state as a
 * list (base state first, then flags) and the exit code as an object.
 */
final class SlurmApiV0040 implements SlurmApi {

	static final List<String> VERSIONS = List.of("v0.0.41", "v0.0.40");

	private final SlurmRestClient client;

	private final String version;

	SlurmApiV0040(SlurmRestClient client, String version) {
		if (!VERSIONS.contains(version)) {
			throw new IllegalArgumentException("Not a v0.0.40-like OpenAPI version: " + version);
		}
		this.client = client;
		this.version = version;
	}

	@Override
	public String version() {
		return this.version;
	}

	@Override
	public long submit(SlurmJobRequest request) {
		return this.client.submitJob(this.version, submission(request), request.name());
	}

	@Override
	public List<SlurmJob> jobs() {
		return this.client.exchange(HttpMethod.GET, "/slurm/" + this.version + "/jobs", null, Jobs.class)
			.require("list the jobs")
			.toSlurmJobs();
	}

	@Override
	public void cancel(long jobId) {
		this.client.cancelJob(this.version, jobId);
	}

	static Submission submission(SlurmJobRequest request) {
		List<String> environment = request.environment()
			.entrySet()
			.stream()
			.map((variable) -> variable.getKey() + "=" + variable.getValue())
			.sorted()
			.toList();
		NoVal timeLimit = (request.timeLimitMinutes() != null) ? NoVal.of(request.timeLimitMinutes()) : null;
		return new Submission(new Job(request.name(), request.script(), environment, request.workingDirectory(),
				request.log(), request.log(), request.cpusPerTask(), request.tasks(), timeLimit, request.partition(),
				request.account()));
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Submission(Job job) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Job(String name, String script, List<String> environment,
			@JsonProperty("current_working_directory") String currentWorkingDirectory,
			@JsonProperty("standard_output") String standardOutput,
			@JsonProperty("standard_error") String standardError, @JsonProperty("cpus_per_task") int cpusPerTask,
			int tasks, @JsonProperty("time_limit") NoVal timeLimit, String partition, String account) {
	}

	/** Slurm's optional number: unset, infinite or a value. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record NoVal(Boolean set, Boolean infinite, Long number) {

		static NoVal of(long number) {
			return new NoVal(true, false, number);
		}

		Long value() {
			return (Boolean.TRUE.equals(this.set) && !Boolean.TRUE.equals(this.infinite)) ? this.number : null;
		}

		static Instant time(NoVal epochSeconds) {
			Long seconds = (epochSeconds != null) ? epochSeconds.value() : null;
			return (seconds == null || seconds <= 0) ? null : Instant.ofEpochSecond(seconds);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Jobs(List<JobInfo> jobs, List<SlurmError> errors) implements SlurmRestClient.Errors {

		List<SlurmJob> toSlurmJobs() {
			return (this.jobs != null) ? this.jobs.stream().map(JobInfo::toSlurmJob).toList() : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ExitCode(List<String> status, @JsonProperty("return_code") NoVal returnCode, Signal signal) {

		/** The process's exit status, or 128 + the signal that killed it. */
		Integer code() {
			Long signalId = (this.signal != null && this.signal.id() != null) ? this.signal.id().value() : null;
			if (signalId != null && signalId > 0) {
				return 128 + signalId.intValue();
			}
			Long code = (this.returnCode != null) ? this.returnCode.value() : null;
			return (code != null) ? code.intValue() : null;
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Signal(NoVal id, String name) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record JobInfo(@JsonProperty("job_id") long jobId, String name, @JsonProperty("job_state") List<String> jobState,
			@JsonProperty("state_reason") String stateReason,
			@JsonProperty("state_description") String stateDescription, @JsonProperty("exit_code") ExitCode exitCode,
			@JsonProperty("start_time") NoVal startTime, @JsonProperty("end_time") NoVal endTime) {

		SlurmJob toSlurmJob() {
			String reason = (this.stateDescription != null && !this.stateDescription.isBlank()) ? this.stateDescription
					: this.stateReason;
			String state = (this.jobState != null && !this.jobState.isEmpty()) ? baseState(this.jobState) : "UNKNOWN";
			return new SlurmJob(this.jobId, this.name, state, reason,
					(this.exitCode != null) ? this.exitCode.code() : null, NoVal.time(this.startTime),
					NoVal.time(this.endTime));
		}

		// v0.0.40+ lists the base state and its flags; COMPLETING, CONFIGURING and
		// REQUEUED are flags that decide what the job is doing now
		private static String baseState(List<String> states) {
			for (String flag : List.of("COMPLETING", "CONFIGURING", "REQUEUED")) {
				if (states.contains(flag)) {
					return flag;
				}
			}
			return states.get(0);
		}

	}

}
