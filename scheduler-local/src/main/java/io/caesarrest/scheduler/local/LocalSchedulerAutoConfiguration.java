package io.caesarrest.scheduler.local;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.JobAutoConfiguration;
import io.caesarrest.job.JobOutputs;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.MonitorLeadership;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local backend, chosen by {@code caesar.scheduler.type=local} (the default); its
 * worker runs where the monitor runs ({@code caesar.monitor.enabled}).
 */
@AutoConfiguration(after = JobAutoConfiguration.class)
@ConditionalOnProperty(name = "caesar.scheduler.type", havingValue = "local", matchIfMissing = true)
@EnableConfigurationProperties(LocalSchedulerProperties.class)
public class LocalSchedulerAutoConfiguration {

	@Bean(destroyMethod = "close")
	LocalScheduler localScheduler(LocalSchedulerProperties properties) {
		return new LocalScheduler(properties.killGrace(), Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "caesar.monitor.enabled", havingValue = "true", matchIfMissing = true)
	static class WorkerConfiguration {

		@Bean
		LocalWorker localWorker(JobRepository jobs, LocalScheduler scheduler, LocalSchedulerProperties properties,
				AppCatalog apps) {
			return new LocalWorker(jobs, scheduler, properties,
					(job) -> apps.find(job.app())
						.map((app) -> JobOutputs.index(app.outputs(), Path.of(job.jobDir())))
						.orElse(Map.of()),
					Clock.systemUTC());
		}

		@Bean
		LocalWorkerLoop localWorkerLoop(LocalWorker worker, LocalScheduler scheduler,
				LocalSchedulerProperties properties, ObjectProvider<MonitorLeadership> leadership) {
			return new LocalWorkerLoop(worker, scheduler, properties.pollInterval(),
					(() -> leadership.getIfAvailable(() -> MonitorLeadership.ALWAYS).isLeader()));
		}

	}

}
