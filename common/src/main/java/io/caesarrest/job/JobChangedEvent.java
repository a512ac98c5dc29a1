package io.caesarrest.job;

/**
 * Published in the process that stored a new PENDING job or canceled one, so that a
 * worker in the same process acts on it at once instead of at its next polling round.
 *
 * @param jobId the job id
 * @param scheduler the scheduler the job is for
 */
public record JobChangedEvent(String jobId, String scheduler) {

}
