package io.caesarrest.monitor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Job monitor settings.
 *
 * @param enabled whether this process runs the monitor (the job engine, the lease and the
 * retention pass)
 * @param period time between two reconciliations with a scheduler that does not set its
 * own poll interval (the local one polls every
 * {@code caesar.scheduler.local.poll-interval})
 * @param dispatchInterval how often pending jobs are handed to the scheduler (at once for
 * jobs submitted in this process)
 * @param lostAfter consecutive polls a job must be missing from its scheduler before it
 * is declared lost
 * @param lease how long the active monitor's lease in MongoDB lasts when it stops
 * renewing it (it renews it every third of that; a standby takes over after a crash
 * within one lease)
 * @param retention age after which ended jobs, their directories and the directories of
 * deleted jobs are removed, {@code null} (the default) to keep everything
 * @param retentionInterval how often the retention pass runs
 * @param name this monitor's name, written on the jobs it claims; by default the host
 * name, so that a restarted monitor takes its claims back at once
 */
@ConfigurationProperties("caesar.monitor")
public record MonitorProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration period,
		@DefaultValue("1s") Duration dispatchInterval, @DefaultValue("2") int lostAfter,
		@DefaultValue("30s") Duration lease, @Nullable Duration retention,
		@DefaultValue("1h") Duration retentionInterval, @Nullable String name) {

	/** This monitor's name: the configured one, else the host name. */
	public String effectiveName() {
		if (this.name != null && !this.name.isBlank()) {
			return this.name;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
