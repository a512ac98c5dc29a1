package io.caesarrest.accounting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.caesarrest.job.JobState;

/**
 * Sums the users' figures into the service-wide statistics.
 */
final class ServiceTally {

	private final JobTally jobs = new JobTally();

	private final Map<String, JobTally> apps = new TreeMap<>();

	private final Map<String, Long> appUsers = new TreeMap<>();

	private long nusers;

	private double datasize;

	private double jobsize;

	private long files;

	private long bytes;

	void add(UserTally user, UserAccounting figures) {
		if (user.isActive()) {
			this.nusers++;
		}
		this.datasize += figures.datasize();
		this.jobsize += figures.jobsize();
		this.files += figures.files();
		this.bytes += figures.bytes();
		this.jobs.addAll(user.jobs());
		user.apps().forEach((app, tally) -> {
			this.apps.computeIfAbsent(app, (name) -> new JobTally()).addAll(tally);
			this.appUsers.merge(app, 1L, Long::sum);
		});
	}

	AppStats toAppStats(Instant timestamp) {
		JobTally j = this.jobs;
		long completed = j.count(JobState.SUCCESS);
		double average = (completed > 0) ? j.completedRuntime() / completed : 0;
		List<AppUsage> usage = this.apps.entrySet()
			.stream()
			.map((e) -> new AppUsage(e.getKey(), e.getValue().total(), e.getValue().byState(), e.getValue().runtime(),
					this.appUsers.get(e.getKey())))
			.toList();
		return new AppStats(AppStats.ID, timestamp, this.nusers, this.datasize, this.jobsize,
				this.datasize + this.jobsize, this.files, this.bytes, j.total(), completed, j.count(JobState.FAILURE),
				j.count(JobState.ABORTED), j.count(JobState.PENDING), j.count(JobState.STARTED, JobState.RUNNING), 0,
				j.runtime(), j.completedRuntime(), average, j.byState(), usage);
	}

}
