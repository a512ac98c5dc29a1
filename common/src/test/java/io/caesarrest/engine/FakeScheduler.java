package io.caesarrest.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import io.caesarrest.app.AppLaunch;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.scheduler.SchedulerRejectedException;

/**
 * A backend that reports what the test says, counts its calls and can be made
 * unreachable; it runs native apps only.
 */
class FakeScheduler implements Scheduler {

	final Map<SchedulerRef, Execution> executions = new ConcurrentHashMap<>();

	final List<JobLaunch> submitted = new ArrayList<>();

	final List<SchedulerRef> canceled = new ArrayList<>();

	volatile boolean reachable = true;

	volatile boolean refuseSubmissions;

	OptionalInt capacity = OptionalInt.empty();

	int polls;

	@Override
	public String name() {
		return "fake";
	}

	@Override
	public Optional<String> refusal(AppLaunch launch) {
		return launch.isNative() ? Optional.empty() : Optional.of("fake runs native apps only");
	}

	@Override
	public OptionalInt capacity() {
		return this.capacity;
	}

	@Override
	public SchedulerRef submit(JobLaunch launch) {
		check();
		if (this.refuseSubmissions) {
			throw new SchedulerRejectedException("no such partition");
		}
		this.submitted.add(launch);
		SchedulerRef ref = ref(launch.jobId());
		this.executions.put(ref, new Execution(JobState.PENDING, null, null, null, "queued"));
		return ref;
	}

	@Override
	public Map<SchedulerRef, Execution> poll(Collection<SchedulerRef> refs) {
		this.polls++;
		check();
		Map<SchedulerRef, Execution> found = new LinkedHashMap<>();
		refs.forEach((ref) -> {
			if (this.executions.containsKey(ref)) {
				found.put(ref, this.executions.get(ref));
			}
		});
		return found;
	}

	@Override
	public void cancel(SchedulerRef ref) {
		check();
		this.canceled.add(ref);
		this.executions.computeIfPresent(ref, (r, e) -> e.state().isTerminal() ? e
				: new Execution(JobState.CANCELED, -1, e.start(), Instant.now(), "canceled"));
	}

	void set(Job job, JobState state, Integer exitCode) {
		this.executions.put(ref(job.id()), new Execution(state, exitCode, Instant.now(),
				state.isTerminal() ? Instant.now() : null, "now " + state.label()));
	}

	void forget(Job job) {
		this.executions.remove(ref(job.id()));
	}

	static SchedulerRef ref(String jobId) {
		return new SchedulerRef("fake-" + jobId);
	}

	private void check() {
		if (!this.reachable) {
			throw new SchedulerException("connection refused");
		}
	}

}
