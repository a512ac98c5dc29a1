package io.caesarrest.scheduler.local;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The local backend, chosen by {@code caesar.scheduler.type=local} (the default); the job
 * engine drives it where the monitor runs ({@code caesar.monitor.enabled}).
 */
@AutoConfiguration
@ConditionalOnProperty(name = "caesar.scheduler.type", havingValue = LocalSchedulerBackend.TYPE, matchIfMissing = true)
@EnableConfigurationProperties(LocalSchedulerProperties.class)
public class LocalSchedulerAutoConfiguration {

	@Bean(destroyMethod = "close")
	LocalScheduler localScheduler(LocalSchedulerProperties properties) {
		return new LocalScheduler(properties.effectiveCores(), properties.pollInterval(), properties.killGrace(),
				Clock.systemUTC());
	}

}
