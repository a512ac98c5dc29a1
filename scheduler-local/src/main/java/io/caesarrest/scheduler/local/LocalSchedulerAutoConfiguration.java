package io.caesarrest.scheduler.local;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caesarrest.app.App;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.app.JavaMainCommand;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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

	private static final Log logger = LogFactory.getLog(LocalSchedulerAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	LocalScheduler localScheduler(LocalSchedulerProperties properties,
			@Value("${caesar.monitor.enabled:true}") boolean runsJobs, ObjectProvider<AppCatalog> apps) {
		LocalSchedulerProperties.Containers containers = properties.containers();
		// only the process that runs the jobs talks to the runtime (the REST API of a
		// split
		// deployment only needs to know that image apps can run)
		if (containers.enabled() && runsJobs) {
			ContainerCli.Result version = new ContainerCli(containers).version();
			if (version.exitCode() == 0) {
				logger.info("Local queue: apps with an image run in containers of " + containers.executable()
						+ " (server " + version.output().strip() + ")");
			}
			else {
				logger.warn("Local queue: the container runtime " + containers.executable()
						+ " does not answer; jobs of image apps will fail until it does: " + version.output().strip());
			}
		}
		WorkerJvms jvms = new WorkerJvms(properties.effectiveJvmDir(), properties.classDataSharing(),
				properties.warmJvmJobs());
		LocalScheduler scheduler = new LocalScheduler(properties.effectiveCores(), properties.pollInterval(),
				properties.killGrace(), Clock.systemUTC(), containers, jvms, runsJobs ? properties.warmJvms() : 0);
		AppCatalog catalog = apps.getIfAvailable();
		if (runsJobs && catalog != null) {
			// only the process that runs the jobs prepares their JVMs, in the background
			Map<String, Long> javaApps = new LinkedHashMap<>();
			for (App app : catalog.apps()) {
				JavaMainCommand.mainClass(app.launch().nativeCommand())
					.ifPresent((main) -> javaApps.putIfAbsent(main, memoryBytes(app)));
			}
			if (!javaApps.isEmpty()) {
				scheduler.prepareJavaApps(() -> jvms.prepare(List.copyOf(javaApps.keySet())), javaApps);
			}
		}
		return scheduler;
	}

	private static long memoryBytes(App app) {
		try {
			return app.resources().memoryBytes();
		}
		catch (IllegalArgumentException ex) {
			return 0;
		}
	}

}
