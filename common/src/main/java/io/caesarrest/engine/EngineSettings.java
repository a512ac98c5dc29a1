package io.caesarrest.engine;

import java.time.Duration;

/**
 * How the job engine runs.
 *
 * @param name this engine's name, written on the jobs it claims; stable across restarts
 * of the same monitor (the host name), so that a restarted engine takes back its claims
 * at once
 * @param period time between two reconciliations, unless the backend asks for its own
 * @param dispatchInterval time between two rounds that hand pending jobs to the backend
 * @param lostAfter consecutive polls a job must be missing from its backend before it is
 * declared lost
 * @param claimLease how long a claim on a pending job keeps other engines off it while it
 * is being submitted
 */
public record EngineSettings(String name, Duration period, Duration dispatchInterval, int lostAfter,
		Duration claimLease) {

}
