package io.caesarrest.scheduler;

import java.time.Instant;

import io.caesarrest.job.JobState;

/**
 * What a backend reports about one job.
 *
 * @param state PENDING, RUNNING or an end state
 * @param exitCode the exit code once ended, else null
 * @param start start time, or null
 * @param end end time, or null
 * @param message the backend's own words, for the job's status
 */
public record Execution(JobState state, Integer exitCode, Instant start, Instant end, String message) {

}
