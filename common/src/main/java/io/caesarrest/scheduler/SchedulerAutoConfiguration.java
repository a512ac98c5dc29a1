package io.caesarrest.scheduler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Binds the scheduler choice; each backend module configures itself from it.
 */
@AutoConfiguration
@EnableConfigurationProperties(SchedulerProperties.class)
public class SchedulerAutoConfiguration {

}
