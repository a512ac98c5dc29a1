package io.caesarrest.accounting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One user's usage as stored in the {@code accounting} collection, with the original
 * service's field names and units.
 *
 * @param user the owner, the document's id
 * @param datasize size of the files in the user's data dir, KiB (the original's
 * {@code du} of {@code <datadir>/<user>}, here the sum of file sizes)
 * @param jobsize size of the files in the user's job dirs, KiB
 * @param njobs number of jobs, whatever their state
 * @param njobsCompleted jobs in SUCCESS
 * @param njobsFailed jobs in FAILURE
 * @param njobsAborted jobs in ABORTED
 * @param njobsPending jobs in PENDING
 * @param njobsRunning jobs in STARTED or RUNNING
 * @param njobsUnknown always 0: no job is ever in an unknown state here (TIMED-OUT and
 * CANCELED jobs are counted in {@code byState})
 * @param jobRuntime elapsed seconds summed over all jobs (running ones until now)
 * @param jobCompletedRuntime elapsed seconds summed over the SUCCESS jobs
 * @param timestamp when the figures were computed
 * @param files number of uploaded files
 * @param bytes exact size of the uploaded files, bytes
 * @param byApp number of jobs per app
 * @param byState number of jobs per state name, only states that occur
 */
@Document("accounting")
public record UserAccounting(@Id String user, double datasize, double jobsize, long njobs,
		@Field("njobs_completed") long njobsCompleted, @Field("njobs_failed") long njobsFailed,
		@Field("njobs_aborted") long njobsAborted, @Field("njobs_pending") long njobsPending,
		@Field("njobs_running") long njobsRunning, @Field("njobs_unknown") long njobsUnknown,
		@Field("job_runtime") double jobRuntime, @Field("job_completed_runtime") double jobCompletedRuntime,
		Instant timestamp, long files, long bytes, @Field("by_app") List<AppJobs> byApp,
		@Field("by_state") Map<String, Long> byState) {

}
