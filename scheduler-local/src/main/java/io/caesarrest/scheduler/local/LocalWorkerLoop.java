package io.caesarrest.scheduler.local;

import java.time.Duration;
import java.util.List;

import io.caesarrest.job.MonitorLeadership;
import io.caesarrest.job.PeriodicTasks;

/**
 * Runs the local worker's rounds on a thread of its own while the application runs and
 * this process is the active monitor; a worker that stops leading lets its jobs go.
 */
class LocalWorkerLoop extends PeriodicTasks {

	LocalWorkerLoop(LocalWorker worker, Duration interval, MonitorLeadership leadership) {
		super("local-worker", () -> true, List.of(new Task(() -> worker.runOnce(leadership.isLeader()), interval)));
	}

}
