package io.caesarrest.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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
 * @param callbackUrl where the job's terminal status is posted (a webhook), or null
 */
@Document("jobs")
public record Job(@Id String id, String owner, String app, @Field("job_options") Map<String, Object> options,
		@Field("options_field") String optionsField, @Field("data_inputs") @Nullable Object dataInputs,
		@Field("input_path") String inputPath, String tag, String scheduler,
		@Field("scheduler_ref") @Nullable String schedulerRef, List<String> argv, int cores, int procs,
		@Field("max_run_time") long maxRunTimeSeconds, JobState state, String status, @Field("exit_code") int exitCode,
		@Field("submit_date") Instant submitDate, @Field("start_date") @Nullable Instant startDate,
		@Field("end_date") @Nullable Instant endDate, @Field("job_dir") String jobDir, @Nullable String worker,
		@Nullable String pid, @Field("lease_until") @Nullable Instant leaseUntil, @Nullable Map<String, String> outputs,
		@Field("callback_url") @Nullable String callbackUrl) {

	/**
	 * A new job, waiting to be dispatched to its scheduler.
	 * @param id the job id
	 * @param owner who submitted it
	 * @param scheduler the backend that will run it
	 * @param request what the client asked for
	 * @param command what runs, resolved from the request
	 * @param jobDir the job directory
	 * @param now the submit time
	 * @return the pending job
	 */
	public static Job pending(String id, String owner, String scheduler, Request request, Command command, Path jobDir,
			Instant now) {
		return new Job(id, owner, request.app(), request.options(), request.optionsField(), request.dataInputs(),
				command.inputPath(), request.tag(), scheduler, null, command.argv(), command.cores(), command.procs(),
				command.maxRunTime().toSeconds(), JobState.PENDING, "Job submitted and registered with success", -1,
				now, null, null, jobDir.toString(), null, null, null, Map.of(), request.callbackUrl());
	}

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

	/**
	 * A job request as the client sent it.
	 *
	 * @param app app name
	 * @param options the options
	 * @param optionsField the request field the options came in
	 * @param dataInputs the data inputs
	 * @param tag free text
	 * @param callbackUrl where to post the terminal status, or null
	 */
	public record Request(String app, Map<String, Object> options, String optionsField, @Nullable Object dataInputs,
			String tag, @Nullable String callbackUrl) {

	}

	/**
	 * What a job runs, resolved from its request.
	 *
	 * @param inputPath absolute path of the input
	 * @param argv the app's command line
	 * @param cores cores per process
	 * @param procs processes
	 * @param maxRunTime time limit
	 */
	public record Command(String inputPath, List<String> argv, int cores, int procs, Duration maxRunTime) {

		public Command {
			argv = List.copyOf(argv);
		}

	}

}
