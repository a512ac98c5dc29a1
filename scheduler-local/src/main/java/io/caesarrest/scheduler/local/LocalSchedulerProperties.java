package io.caesarrest.scheduler.local;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local queue.
 *
 * @param cores cores the local jobs may use together; 0 means all of this machine's
 * @param pollInterval how often the job engine polls the local processes (it also looks
 * at once when one of them ends, and when a local job is submitted or canceled in the
 * same process)
 * @param killGrace time between SIGTERM and SIGKILL when a job is stopped
 */
@ConfigurationProperties("caesar.scheduler.local")
public record LocalSchedulerProperties(@DefaultValue("0") int cores, @DefaultValue("250ms") Duration pollInterval,
		@DefaultValue("3s") Duration killGrace) {

	public int effectiveCores() {
		return (this.cores > 0) ? this.cores : Runtime.getRuntime().availableProcessors();
	}

}
