package io.caesarrest.monitor;

import java.util.List;

import io.caesarrest.job.MonitorLeadership;
import io.caesarrest.job.PeriodicTasks;

/**
 * Runs the monitor's periodic tasks (dispatcher, reconciler, retention) while the
 * application runs, each round only while this process is the active monitor.
 */
class JobMonitorLoop extends PeriodicTasks {

	JobMonitorLoop(String name, MonitorLeadership leadership, List<Task> tasks) {
		super(name, leadership::isLeader, tasks);
	}

}
