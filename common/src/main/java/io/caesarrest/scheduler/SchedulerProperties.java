package io.caesarrest.scheduler;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which backend runs new jobs.
 *
 * @param type the type of one of the backends the application carries; {@code local} (the
 * default), {@code slurm} or {@code kubernetes}
 */
@ConfigurationProperties("caesar.scheduler")
public record SchedulerProperties(@DefaultValue("local") String type) {

}
