package io.caesarrest.job;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of legal state changes. Whoever writes a job's state (API, local worker,
 * monitor) asks it first; a terminal state is never left.
 */
public final class JobTransitions {

	private static final Map<JobState, Set<JobState>> ALLOWED = new EnumMap<>(JobState.class);

	static {
		Set<JobState> ends = EnumSet.of(JobState.SUCCESS, JobState.FAILURE, JobState.TIMED_OUT, JobState.CANCELED,
				JobState.ABORTED);
		ALLOWED.put(JobState.PENDING, union(ends, JobState.STARTED, JobState.RUNNING));
		ALLOWED.put(JobState.STARTED, union(ends, JobState.RUNNING));
		ALLOWED.put(JobState.RUNNING, union(ends));
		for (JobState end : ends) {
			ALLOWED.put(end, EnumSet.noneOf(JobState.class));
		}
	}

	private JobTransitions() {
	}

	public static boolean isAllowed(JobState from, JobState to) {
		return ALLOWED.get(from).contains(to);
	}

	/** The states a job may be in for a move to {@code to} to be legal. */
	public static Set<JobState> sourcesOf(JobState to) {
		Set<JobState> sources = EnumSet.noneOf(JobState.class);
		ALLOWED.forEach((from, targets) -> {
			if (targets.contains(to)) {
				sources.add(from);
			}
		});
		return sources;
	}

	private static Set<JobState> union(Set<JobState> base, JobState... more) {
		Set<JobState> all = EnumSet.copyOf(base);
		all.addAll(Set.of(more));
		return all;
	}

}
