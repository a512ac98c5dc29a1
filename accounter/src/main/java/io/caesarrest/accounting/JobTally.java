package io.caesarrest.accounting;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.caesarrest.job.JobState;

/**
 * Running counts of jobs by state and their summed elapsed time.
 */
final class JobTally {

	private final Map<JobState, Long> counts = new EnumMap<>(JobState.class);

	private double runtime;

	private double completedRuntime;

	void add(JobState state, double elapsedSeconds) {
		this.counts.merge(state, 1L, Long::sum);
		this.runtime += elapsedSeconds;
		if (state == JobState.SUCCESS) {
			this.completedRuntime += elapsedSeconds;
		}
	}

	void addAll(JobTally other) {
		other.counts.forEach((state, count) -> this.counts.merge(state, count, Long::sum));
		this.runtime += other.runtime;
		this.completedRuntime += other.completedRuntime;
	}

	long count(JobState... states) {
		long sum = 0;
		for (JobState state : states) {
			sum += this.counts.getOrDefault(state, 0L);
		}
		return sum;
	}

	long total() {
		return this.counts.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Seconds summed over all jobs. */
	double runtime() {
		return this.runtime;
	}

	/** Seconds summed over the jobs that ended in SUCCESS. */
	double completedRuntime() {
		return this.completedRuntime;
	}

	/**
	 * Counts keyed by the state names users see, only states that occur, in lifecycle
	 * order.
	 */
	Map<String, Long> byState() {
		Map<String, Long> byLabel = new LinkedHashMap<>();
		this.counts.forEach((state, count) -> byLabel.put(state.label(), count));
		return byLabel;
	}

}
