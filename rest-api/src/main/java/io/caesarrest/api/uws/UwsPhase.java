package io.caesarrest.api.uws;

import java.util.EnumSet;
import java.util.Set;

import io.caesarrest.job.JobState;

/**
 * The UWS execution phases and how the job states map to them: a job created without
 * {@code PHASE=RUN} is PENDING (held by the UWS view, not yet a job of the engine);
 * PENDING jobs of the engine are QUEUED; STARTED and RUNNING are EXECUTING; SUCCESS is
 * COMPLETED; FAILURE and TIMED-OUT are ERROR; CANCELED and ABORTED are ABORTED.
 */
enum UwsPhase {

	PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED, UNKNOWN, HELD, SUSPENDED, ARCHIVED;

	/** The phases in which a job may still change by itself, so a WAIT blocks. */
	static final Set<UwsPhase> ACTIVE = EnumSet.of(PENDING, QUEUED, EXECUTING);

	static UwsPhase of(JobState state) {
		return switch (state) {
			case PENDING -> QUEUED;
			case STARTED, RUNNING -> EXECUTING;
			case SUCCESS -> COMPLETED;
			case FAILURE, TIMED_OUT -> ERROR;
			case CANCELED, ABORTED -> ABORTED;
		};
	}

}
