package io.caesarrest.accounting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * The service-wide usage as stored in the {@code appstats} collection (one document, id
 * {@value #ID}): the per-user counters summed, plus usage per app.
 *
 * @param id always {@value #ID}
 * @param timestamp when the figures were computed
 * @param nusers number of users who own at least one file or job
 * @param datasize sum of the users' data sizes, KiB
 * @param jobsize sum of the users' job dir sizes, KiB
 * @param totsize datasize + jobsize, KiB
 * @param files number of uploaded files
 * @param bytes exact size of the uploaded files, bytes
 * @param njobs number of jobs
 * @param njobsCompleted jobs in SUCCESS
 * @param njobsFailed jobs in FAILURE
 * @param njobsAborted jobs in ABORTED
 * @param njobsPending jobs in PENDING
 * @param njobsRunning jobs in STARTED or RUNNING
 * @param njobsUnknown always 0
 * @param jobRuntime elapsed seconds summed over all jobs
 * @param jobCompletedRuntime elapsed seconds summed over the SUCCESS jobs
 * @param avgCompletedJobRuntime mean elapsed seconds of a SUCCESS job, 0 if none
 * @param byState number of jobs per state name
 * @param apps usage per app, by app name
 */
@Document("appstats")
public record AppStats(@Id String id, Instant timestamp, long nusers, double datasize, double jobsize, double totsize,
		long files, long bytes, long njobs, @Field("njobs_completed") long njobsCompleted,
		@Field("njobs_failed") long njobsFailed, @Field("njobs_aborted") long njobsAborted,
		@Field("njobs_pending") long njobsPending, @Field("njobs_running") long njobsRunning,
		@Field("njobs_unknown") long njobsUnknown, @Field("job_runtime") double jobRuntime,
		@Field("job_completed_runtime") double jobCompletedRuntime,
		@Field("avg_completed_job_runtime") double avgCompletedJobRuntime, @Field("by_state") Map<String, Long> byState,
		List<AppUsage> apps) {

	/** The id of the one service-wide document. */
	public static final String ID = "appstats";

}
