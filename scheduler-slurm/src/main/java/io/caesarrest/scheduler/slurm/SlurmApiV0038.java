package io.caesarrest.scheduler.slurm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpMethod;

/**
 * OpenAPI v0.0.38 (Slurm 22.05): environment as an object, plain integers for time limits
 * and times, the exit code as a wait status, the job state as one string.
 */
final class SlurmApiV0038 implements SlurmApi {

	static final String VERSION = "v0.0.38";

	private final SlurmRestClient client;

	SlurmApiV0038(SlurmRestClient client) {
		this.client = client;
	}

	@Override
	public String version() {
		return VERSION;
	}

	@Override
	public long submit(SlurmJobRequest request) {
		Job job = new Job(request.name(), request.environment(), request.workingDirectory(), request.log(),
				request.log(), request.cpusPerTask(), request.tasks(), request.timeLimitMinutes(), request.partition(),
				request.account());
		return this.client.submitJob(VERSION, new Submission(request.script(), job), request.name());
	}

	@Override
	public List<SlurmJob> jobs() {
		return this.client.exchange(HttpMethod.GET, "/slurm/" + VERSION + "/jobs", null, Jobs.class)
			.require("list the jobs")
			.toSlurmJobs();
	}

	@Override
	public void cancel(long jobId) {
		this.client.cancelJob(VERSION, jobId);
	}

	/**
	 * Slurm's exit code of a job is the batch script's wait status: the exit status in
	 * the second byte, or the signal that killed it in the low seven bits.
	 */
	static Integer decodeWaitStatus(Integer status) {
		if (status == null) {
			return null;
		}
		int signal = status & 0x7f;
		return (signal != 0) ? 128 + signal : (status >> 8) & 0xff;
	}

	static Instant time(Long epochSeconds) {
		return (epochSeconds == null || epochSeconds <= 0) ? null : Instant.ofEpochSecond(epochSeconds);
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Submission(String script, Job job) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Job(String name, Map<String, String> environment,
			@JsonProperty("current_working_directory") String currentWorkingDirectory,
			@JsonProperty("standard_output") String standardOutput,
			@JsonProperty("standard_error") String standardError, @JsonProperty("cpus_per_task") int cpusPerTask,
			int tasks, @JsonProperty("time_limit") Integer timeLimit, String partition, String account) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Jobs(List<JobInfo> jobs, List<SlurmError> errors) implements SlurmRestClient.Errors {

		List<SlurmJob> toSlurmJobs() {
			return (this.jobs != null) ? this.jobs.stream().map(JobInfo::toSlurmJob).toList() : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record JobInfo(@JsonProperty("job_id") long jobId, String name, @JsonProperty("job_state") String jobState,
			@JsonProperty("state_reason") String stateReason,
			@JsonProperty("state_description") String stateDescription, @JsonProperty("exit_code") Integer exitCode,
			@JsonProperty("start_time") Long startTime, @JsonProperty("end_time") Long endTime) {

		SlurmJob toSlurmJob() {
			String reason = (this.stateDescription != null && !this.stateDescription.isBlank()) ? this.stateDescription
					: this.stateReason;
			return new SlurmJob(this.jobId, this.name, this.jobState, reason, decodeWaitStatus(this.exitCode),
					time(this.startTime), time(this.endTime));
		}

	}

}
