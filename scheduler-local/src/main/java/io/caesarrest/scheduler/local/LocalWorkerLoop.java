package io.caesarrest.scheduler.local;

import java.time.Duration;
import java.util.List;

import io.caesarrest.job.JobChangedEvent;
import io.caesarrest.job.MonitorLeadership;
import io.caesarrest.job.PeriodicTasks;

import org.springframework.context.event.EventListener;

/**
 * Runs the local worker's rounds on a thread of its own while the application runs and
 * this process is the active monitor; a worker that stops leading lets its jobs go.
 * Besides the periodic rounds, a round runs at once when one of its processes ends or
 * when a local job is submitted in this process, so neither waits for the next period.
 */
class LocalWorkerLoop extends PeriodicTasks {

	LocalWorkerLoop(LocalWorker worker, LocalScheduler scheduler, Duration interval, MonitorLeadership leadership) {
		super("local-worker", () -> true, List.of(new Task(() -> worker.runOnce(leadership.isLeader()), interval)));
		scheduler.onProcessExit(this::wakeUp);
	}

	@EventListener
	void onChanged(JobChangedEvent event) {
		if ("local".equals(event.scheduler())) {
			wakeUp();
		}
	}

}
