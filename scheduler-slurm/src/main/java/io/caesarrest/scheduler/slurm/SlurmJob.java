package io.caesarrest.scheduler.slurm;

import java.time.Instant;

/**
 * What slurmctld reports about one job, independent of the OpenAPI version.
 *
 * @param id Slurm's job id
 * @param name job name
 * @param state base state, e.g. {@code RUNNING} or {@code TIMEOUT}
 * @param reason why it is pending or ended, or null
 * @param exitCode the batch script's exit code (128 + signal when killed), or null
 * @param start start time, or null
 * @param end end time, or null
 */
record SlurmJob(long id, String name, String state, String reason, Integer exitCode, Instant start, Instant end) {

}
