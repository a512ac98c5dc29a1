package io.caesarrest.engine;

import java.time.Duration;
import java.util.List;

import io.caesarrest.job.JobChangedEvent;
import io.caesarrest.job.MonitorLeadership;
import io.caesarrest.job.PeriodicTasks;

import org.springframework.context.event.EventListener;

/**
 * Runs the engine's rounds on a thread of its own while the application runs, each acting
 * only while this process is the active monitor. Besides the periodic rounds, a round
 * runs at once when the backend reports a change (a process ended) and when a job of this
 * backend is submitted or canceled in this process, so neither waits for the next period.
 */
public class JobEngineLoop extends PeriodicTasks {

	private final JobEngine engine;

	/**
	 * Creates the loop and subscribes it to the backend's changes.
	 * @param engine the engine
	 * @param leadership whether this process is the active monitor
	 * @param interval time between two rounds
	 */
	public JobEngineLoop(JobEngine engine, MonitorLeadership leadership, Duration interval) {
		super("job-engine", () -> true, List.of(new Task(() -> engine.runOnce(leadership.isLeader()), interval)));
		this.engine = engine;
		engine.scheduler().onChange(() -> {
			engine.noteBackendChanged();
			wakeUp();
		});
	}

	@EventListener
	void onChanged(JobChangedEvent event) {
		if (this.engine.scheduler().name().equals(event.scheduler())) {
			this.engine.noteChanged(event.jobId());
			wakeUp();
		}
	}

}
