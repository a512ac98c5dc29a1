package io.caesarrest.api.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Job submission settings.
 *
 * @param maxRunTime the longest time limit a job may have, whatever its app says
 * @param warmUpJobs how many small jobs the all-in-one service runs for itself when it
 * starts, to warm up its job path ({@link JobWarmUp}); 0 for none
 * @param warmUpWait how long the service waits for that warm-up before it opens its port;
 * the warm-up goes on in the background after that
 */
@ConfigurationProperties("caesar.jobs")
public record JobSettings(@DefaultValue("7d") Duration maxRunTime, @DefaultValue("12") int warmUpJobs,
		@DefaultValue("60s") Duration warmUpWait) {

}
