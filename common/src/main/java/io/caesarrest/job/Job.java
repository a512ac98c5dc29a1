package io.caesarrest.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A job as stored in the {@code jobs} collection, keyed by its public id.
 *
 * @param id 32 hex digits
 * @param owner the caller who submitted it
 * @param app app name
 * @param options the options as the client sent them
 * @param optionsField the request field the client used ({@code job_options} or
 * {@code job_inputs}), echoed back
 * @param dataInputs the data inputs as the client sent them
 * @param inputPath absolute path of the resolved input
 * @param tag free text from the client
 * @param scheduler the backend that runs it ({@code local}, {@code slurm}...)
 * @param schedulerRef the backend's handle, once submitted
 * @param argv the app's command line (options already validated)
 * @param cores cores requested per process
 * @param procs processes requested (MPI)
 * @param maxRunTimeSeconds time limit
 * @param state current state
 * @param status human-readable status
 * @param exitCode exit code, -1 until known
 * @param submitDate submit time
 * @param startDate start time, null until started
 * @param endDate end time, null until ended
 * @param jobDir absolute path of the job directory
 * @param worker the worker holding the job while it runs (local queue)
 * @param pid process id (local) or scheduler job id
 * @param leaseUntil until when the worker's claim holds
 * @param outputs output label to file name, indexed when the job ends
 */
@Document("jobs")
public record Job(@Id String id, String owner, String app, @Field("job_options") Map<String, Object> options,
		@Field("options_field") String optionsField, @Field("data_inputs") Object dataInputs,
		@Field("input_path") String inputPath, String tag, String scheduler,
		@Field("scheduler_ref") String schedulerRef, List<String> argv, int cores, int procs,
		@Field("max_run_time") long maxRunTimeSeconds, JobState state, String status, @Field("exit_code") int exitCode,
		@Field("submit_date") Instant submitDate, @Field("start_date") Instant startDate,
		@Field("end_date") Instant endDate, @Field("job_dir") String jobDir, String worker, String pid,
		@Field("lease_until") Instant leaseUntil, Map<String, String> outputs) {

	/** Seconds between start and end, or until now while running; 0 until started. */
	public double elapsedSeconds(Instant now) {
		if (this.startDate == null) {
			return 0;
		}
		Instant end = (this.endDate != null) ? this.endDate : (this.state.isTerminal() ? this.startDate : now);
		return Math.max(0, Duration.between(this.startDate, end).toMillis() / 1000.0);
	}

	public Duration maxRunTime() {
		return Duration.ofSeconds(this.maxRunTimeSeconds);
	}

}
