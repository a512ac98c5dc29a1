package io.caesarrest.accounting;

import java.util.Map;

import org.springframework.data.mongodb.core.mapping.Field;

/**
 * How much one app is used across all users.
 *
 * @param app the app name
 * @param njobs number of jobs, whatever their state
 * @param byState number of jobs per state name ({@code SUCCESS}, {@code TIMED-OUT}...)
 * @param runtime elapsed seconds summed over the jobs
 * @param nusers number of users with at least one job of the app
 */
public record AppUsage(String app, long njobs, @Field("by_state") Map<String, Long> byState, double runtime,
		long nusers) {

}
