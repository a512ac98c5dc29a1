package io.caesarrest.monitor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.engine.EngineSettings;
import io.caesarrest.engine.JobEngine;
import io.caesarrest.engine.JobEngineLoop;
import io.caesarrest.job.JobAutoConfiguration;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.MonitorLeadership;
import io.caesarrest.job.PeriodicTasks;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.storage.StorageLayout;
import io.caesarrest.store.EmbeddedStore;
import io.caesarrest.webhook.CallbackTargets;
import io.caesarrest.webhook.WebhookAutoConfiguration;
import io.caesarrest.webhook.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The job monitor ({@code caesar.monitor.enabled}, default on): the active-monitor lease,
 * the job engine of whichever backend {@code caesar.scheduler.type} selected, and the
 * retention pass.
 */
@AutoConfiguration(after = { JobAutoConfiguration.class, WebhookAutoConfiguration.class })
@EnableConfigurationProperties(MonitorProperties.class)
@ConditionalOnProperty(name = "caesar.monitor.enabled", havingValue = "true", matchIfMissing = true)
public class JobMonitorAutoConfiguration {

	/**
	 * How long a claim on a pending job keeps other engines off while it is submitted.
	 */
	private static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

	/**
	 * The active-monitor lease in MongoDB; a process that hosts the embedded store is the
	 * only monitor of its deployment and leads at once, also right after a crash.
	 */
	@Bean
	@ConditionalOnMissingBean
	MonitorLeadership monitorLeadership(MonitorProperties properties, ObjectProvider<EmbeddedStore> embeddedStore,
			MongoDatabaseFactory mongo) {
		if (embeddedStore.getIfAvailable() != null) {
			return MonitorLeadership.ALWAYS;
		}
		return new MonitorLease(new MongoLockProvider(mongo.getMongoDatabase()), properties.lease(), Clock.systemUTC());
	}

	/**
	 * Reports whether this process is the active monitor or a standby.
	 */
	@Bean
	HealthIndicator monitorHealthIndicator(MonitorLeadership leadership) {
		return () -> Health.up().withDetail("active", leadership.isLeader()).build();
	}

	@Bean
	@ConditionalOnProperty(name = "caesar.monitor.retention")
	JobMonitorLoop jobRetentionLoop(JobRepository jobs, StorageLayout layout, MonitorProperties properties,
			MonitorLeadership leadership) {
		JobRetention retention = new JobRetention(jobs, layout, properties.retention(), Clock.systemUTC());
		return new JobMonitorLoop("job-retention", leadership,
				List.of(new PeriodicTasks.Task(retention::purge, properties.retentionInterval())));
	}

	@Bean
	JobEngine jobEngine(JobRepository jobs, Scheduler scheduler, AppCatalog apps, MonitorProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		EngineSettings settings = new EngineSettings(properties.effectiveName(), properties.period(),
				properties.dispatchInterval(), properties.lostAfter(), CLAIM_LEASE);
		return new JobEngine(jobs, scheduler, apps, settings, Clock.systemUTC(),
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	JobEngineLoop jobEngineLoop(JobEngine engine, MonitorProperties properties, MonitorLeadership leadership) {
		Duration interval = engine.scheduler()
			.pollInterval()
			.filter((poll) -> poll.compareTo(properties.dispatchInterval()) < 0)
			.orElse(properties.dispatchInterval());
		return new JobEngineLoop(engine, leadership, interval);
	}

	/**
	 * Delivers completion webhooks: at once for jobs that end in this process, and every
	 * {@code caesar.webhooks.poll-interval} for retries and for jobs canceled through
	 * another process.
	 */
	@Bean
	JobMonitorLoop webhookLoop(JobRepository jobs, CallbackTargets targets, WebhookProperties properties,
			ObjectMapper json, MonitorLeadership leadership) {
		WebhookSender sender = new WebhookSender(jobs.webhooks(), targets, properties, json, Clock.systemUTC());
		JobMonitorLoop loop = new JobMonitorLoop("webhooks", leadership,
				List.of(new PeriodicTasks.Task(sender::deliverDue, properties.pollInterval())));
		jobs.changes().listen((change) -> {
			if (change.state().isTerminal() && properties.enabled()) {
				loop.wakeUp();
			}
		});
		return loop;
	}

	@Bean
	SchedulerHealthIndicator schedulerHealthIndicator(JobEngine engine) {
		return new SchedulerHealthIndicator(engine);
	}

}
