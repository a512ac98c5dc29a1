package io.caesarrest.scheduler.kubernetes;

import java.time.Clock;

import io.caesarrest.app.AppAutoConfiguration;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.storage.StorageAutoConfiguration;
import io.caesarrest.storage.StorageLayout;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Kubernetes backend, chosen by {@code caesar.scheduler.type=kubernetes}; the cluster
 * comes from the in-cluster service account or from {@code KUBECONFIG}.
 */
@AutoConfiguration(after = { StorageAutoConfiguration.class, AppAutoConfiguration.class })
@ConditionalOnProperty(name = "caesar.scheduler.type", havingValue = KubernetesSchedulerBackend.TYPE)
@EnableConfigurationProperties(KubernetesSchedulerProperties.class)
public class KubernetesSchedulerAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	KubernetesClient kubernetesClient(KubernetesSchedulerProperties properties) {
		int timeout = (int) properties.requestTimeout().toMillis();
		// no retries inside a request: the job engine retries, and keeps job states
		// meanwhile
		Config config = new ConfigBuilder(Config.autoConfigure(null)).withRequestTimeout(timeout)
			.withConnectionTimeout(timeout)
			.withRequestRetryBackoffLimit(0)
			.build();
		return new KubernetesClientBuilder().withConfig(config)
			.withHttpClientFactory(new OkHttpClientFactory())
			.build();
	}

	@Bean(destroyMethod = "close")
	KubernetesScheduler kubernetesScheduler(KubernetesClient client, KubernetesSchedulerProperties properties,
			StorageLayout layout, AppCatalog apps) {
		KubernetesScheduler scheduler = create(client, properties, layout, apps, Clock.systemUTC());
		if (properties.checkAtStart()) {
			scheduler.checkReachable();
		}
		return scheduler;
	}

	/**
	 * A scheduler for the given settings.
	 * @param client the client of the cluster
	 * @param properties the settings
	 * @param layout the service's data and job dirs
	 * @param apps the apps, for their resource hints
	 * @param clock the clock
	 * @return the scheduler
	 */
	static KubernetesScheduler create(KubernetesClient client, KubernetesSchedulerProperties properties,
			StorageLayout layout, AppCatalog apps, Clock clock) {
		String namespace = (properties.namespace() != null && !properties.namespace().isBlank())
				? properties.namespace() : client.getNamespace();
		return new KubernetesScheduler(client, (namespace != null) ? namespace : "default",
				new KubernetesJobSpecs(properties, layout, apps), properties, clock);
	}

}
