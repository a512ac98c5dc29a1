package io.caesarrest.accounting;

/**
 * How many jobs of one app a user has.
 *
 * @param app the app name
 * @param njobs number of jobs, whatever their state
 */
public record AppJobs(String app, long njobs) {

}
