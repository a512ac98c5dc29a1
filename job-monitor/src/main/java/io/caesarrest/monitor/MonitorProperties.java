package io.caesarrest.monitor;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Job monitor settings.
 *
 * @param enabled whether this process runs the monitor (and, with the local scheduler,
 * the local worker)
 * @param period time between two reconciliations with a remote scheduler
 * @param dispatchInterval how often pending jobs are handed to a remote scheduler
 * @param canceledWindow how long after a cancel the monitor checks that the scheduler
 * really stopped the job
 * @param lostAfter consecutive polls a job must be missing from its scheduler before it
 * is declared lost
 * @param lockMargin how much longer than two periods the active monitor's lock lasts when
 * it stops renewing it (a standby takes over after that)
 */
@ConfigurationProperties("caesar.monitor")
public record MonitorProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration period,
		@DefaultValue("1s") Duration dispatchInterval, @DefaultValue("1h") Duration canceledWindow,
		@DefaultValue("2") int lostAfter, @DefaultValue("10s") Duration lockMargin) {

}
