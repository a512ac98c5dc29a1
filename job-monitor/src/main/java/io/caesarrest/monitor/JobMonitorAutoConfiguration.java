package io.caesarrest.monitor;

import java.time.Clock;
import java.util.List;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.JobAutoConfiguration;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.MonitorLeadership;
import io.caesarrest.job.PeriodicTasks;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.storage.StorageLayout;
import io.caesarrest.store.EmbeddedStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The job monitor ({@code caesar.monitor.enabled}, default on): the active-monitor lease,
 * the dispatcher and reconciler for remote schedulers, and the retention pass; the local
 * scheduler's worker keeps local jobs' states itself while this process leads.
 */
@AutoConfiguration(after = JobAutoConfiguration.class,
		afterName = { "io.caesarrest.scheduler.local.LocalSchedulerAutoConfiguration",
				"io.caesarrest.scheduler.slurm.SlurmSchedulerAutoConfiguration",
				"io.caesarrest.scheduler.kubernetes.KubernetesSchedulerAutoConfiguration" })
@EnableConfigurationProperties(MonitorProperties.class)
@ConditionalOnProperty(name = "caesar.monitor.enabled", havingValue = "true", matchIfMissing = true)
public class JobMonitorAutoConfiguration {

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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(Scheduler.class)
	@ConditionalOnExpression("'${caesar.scheduler.type:local}' != 'local'")
	static class RemoteSchedulerMonitor {

		@Bean
		JobDispatcher jobDispatcher(JobRepository jobs, Scheduler scheduler, AppCatalog apps) {
			return new JobDispatcher(jobs, scheduler, apps, "monitor@" + ProcessHandle.current().pid(),
					Clock.systemUTC());
		}

		@Bean
		JobReconciler jobReconciler(JobRepository jobs, Scheduler scheduler, AppCatalog apps,
				MonitorProperties properties, ObjectProvider<MeterRegistry> meters) {
			return new JobReconciler(jobs, scheduler, apps, properties, Clock.systemUTC(),
					meters.getIfAvailable(SimpleMeterRegistry::new));
		}

		@Bean
		SchedulerHealthIndicator schedulerHealthIndicator(Scheduler scheduler, JobReconciler reconciler) {
			return new SchedulerHealthIndicator(scheduler, reconciler);
		}

		@Bean
		JobMonitorLoop jobMonitorLoop(JobDispatcher dispatcher, JobReconciler reconciler, MonitorProperties properties,
				MonitorLeadership leadership) {
			return new JobMonitorLoop("job-monitor", leadership,
					List.of(new PeriodicTasks.Task(dispatcher::dispatchPending, properties.dispatchInterval()),
							new PeriodicTasks.Task(reconciler::reconcile, properties.period())));
		}

	}

}
