package io.caesarrest.scheduler.slurm;

import java.net.http.HttpClient;
import java.time.Clock;

import io.caesarrest.storage.StorageAutoConfiguration;
import io.caesarrest.storage.StorageLayout;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The Slurm backend, chosen by {@code caesar.scheduler.type=slurm}.
 */
@AutoConfiguration(after = StorageAutoConfiguration.class)
@ConditionalOnProperty(name = "caesar.scheduler.type", havingValue = SlurmSchedulerBackend.TYPE)
@EnableConfigurationProperties(SlurmSchedulerProperties.class)
public class SlurmSchedulerAutoConfiguration {

	@Bean
	SlurmScheduler slurmScheduler(SlurmSchedulerProperties properties, StorageLayout layout,
			ObjectProvider<RestClient.Builder> restClientBuilder) {
		return create(properties, layout, restClientBuilder.getIfAvailable(RestClient::builder), Clock.systemUTC());
	}

	/**
	 * A scheduler for the given settings.
	 * @param properties the settings
	 * @param layout the service's data and job dirs
	 * @param http a builder to make the HTTP client from (e.g. with interceptors)
	 * @param clock the clock tokens are signed with
	 * @return the scheduler
	 */
	static SlurmScheduler create(SlurmSchedulerProperties properties, StorageLayout layout, RestClient.Builder http,
			Clock clock) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.requestTimeout())
			.build());
		requests.setReadTimeout(properties.requestTimeout());
		RestClient restClient = http.baseUrl(properties.url().toString()).requestFactory(requests).build();
		SlurmRestClient client = new SlurmRestClient(restClient, properties.user(), token(properties, clock),
				JsonMapper.builder().build());
		return new SlurmScheduler(client, properties.apiVersion(), new SlurmBatchJobs(properties, layout));
	}

	private static SlurmToken token(SlurmSchedulerProperties properties, Clock clock) {
		if (properties.keyFile() != null) {
			return SlurmToken.signed(properties.user(), properties.keyFile(), properties.tokenLifetime(), clock);
		}
		if (properties.token() != null && !properties.token().isBlank()) {
			return SlurmToken.fixed(properties.token());
		}
		throw new IllegalStateException(
				"Set caesar.scheduler.slurm.key-file (the cluster's jwt_hs256.key) or caesar.scheduler.slurm.token");
	}

}
