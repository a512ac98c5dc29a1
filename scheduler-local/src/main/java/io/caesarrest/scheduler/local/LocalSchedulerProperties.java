package io.caesarrest.scheduler.local;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local queue.
 *
 * @param cores cores the local jobs may use together; 0 means all of this machine's
 * @param pollInterval how often the worker looks for new, finished and canceled jobs
 * @param lease how long a worker's claim on a running job lasts unless renewed; a job
 * whose claim expired is taken over by another (or the restarted) worker
 * @param killGrace time between SIGTERM and SIGKILL when a job is stopped
 * @param worker this worker's name, by default the host name
 */
@ConfigurationProperties("caesar.scheduler.local")
public record LocalSchedulerProperties(@DefaultValue("0") int cores, @DefaultValue("250ms") Duration pollInterval,
		@DefaultValue("30s") Duration lease, @DefaultValue("3s") Duration killGrace, String worker) {

	public int effectiveCores() {
		return (this.cores > 0) ? this.cores : Runtime.getRuntime().availableProcessors();
	}

	public String effectiveWorker() {
		if (this.worker != null && !this.worker.isBlank()) {
			return this.worker;
		}
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException ex) {
			return "localhost";
		}
	}

}
