package io.caesarrest.monitor;

import java.time.Clock;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.JobAutoConfiguration;
import io.caesarrest.job.JobRepository;
import io.caesarrest.scheduler.Scheduler;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The job monitor for remote schedulers ({@code caesar.monitor.enabled}, default on); the
 * local scheduler's worker keeps local jobs' states itself.
 */
@AutoConfiguration(after = JobAutoConfiguration.class,
		afterName = { "io.caesarrest.scheduler.local.LocalSchedulerAutoConfiguration",
				"io.caesarrest.scheduler.slurm.SlurmSchedulerAutoConfiguration",
				"io.caesarrest.scheduler.kubernetes.KubernetesSchedulerAutoConfiguration" })
@EnableConfigurationProperties(MonitorProperties.class)
@ConditionalOnProperty(name = "caesar.monitor.enabled", havingValue = "true", matchIfMissing = true)
public class JobMonitorAutoConfiguration {

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
				MonitorProperties properties) {
			return new JobReconciler(jobs, scheduler, apps, properties, Clock.systemUTC());
		}

		@Bean
		SchedulerHealthIndicator schedulerHealthIndicator(Scheduler scheduler, JobReconciler reconciler) {
			return new SchedulerHealthIndicator(scheduler, reconciler);
		}

		@Bean
		JobMonitorLoop jobMonitorLoop(JobDispatcher dispatcher, JobReconciler reconciler, MonitorProperties properties,
				MongoDatabaseFactory mongo) {
			LockingTaskExecutor locks = new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getMongoDatabase()));
			return new JobMonitorLoop(dispatcher, reconciler, properties, locks);
		}

	}

}
