package io.caesarrest.api.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Job submission settings.
 *
 * @param maxRunTime the longest time limit a job may have, whatever its app says
 */
@ConfigurationProperties("caesar.jobs")
public record JobSettings(@DefaultValue("7d") Duration maxRunTime) {

}
