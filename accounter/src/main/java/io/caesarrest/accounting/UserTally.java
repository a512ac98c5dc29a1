package io.caesarrest.accounting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.caesarrest.job.JobState;

/**
 * What one user's files and jobs add up to, collected while reading the store.
 */
final class UserTally {

	private final String user;

	private long files;

	private long bytes;

	private final JobTally jobs = new JobTally();

	private final Map<String, JobTally> apps = new TreeMap<>();

	UserTally(String user) {
		this.user = user;
	}

	String user() {
		return this.user;
	}

	void addFiles(long count, long size) {
		this.files += count;
		this.bytes += size;
	}

	void addJob(String app, JobState state, double elapsedSeconds) {
		this.jobs.add(state, elapsedSeconds);
		this.apps.computeIfAbsent(app, (name) -> new JobTally()).add(state, elapsedSeconds);
	}

	/** Whether the user owns anything at all in the store. */
	boolean isActive() {
		return this.files > 0 || this.jobs.total() > 0;
	}

	JobTally jobs() {
		return this.jobs;
	}

	Map<String, JobTally> apps() {
		return this.apps;
	}

	UserAccounting toAccounting(double datasizeKib, double jobsizeKib, Instant timestamp) {
		JobTally j = this.jobs;
		List<AppJobs> byApp = this.apps.entrySet()
			.stream()
			.map((e) -> new AppJobs(e.getKey(), e.getValue().total()))
			.toList();
		return new UserAccounting(this.user, datasizeKib, jobsizeKib, j.total(), j.count(JobState.SUCCESS),
				j.count(JobState.FAILURE), j.count(JobState.ABORTED), j.count(JobState.PENDING),
				j.count(JobState.STARTED, JobState.RUNNING), 0, j.runtime(), j.completedRuntime(), timestamp,
				this.files, this.bytes, byApp, j.byState());
	}

}
