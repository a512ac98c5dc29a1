package io.caesarrest.job;

import java.time.Duration;

import io.caesarrest.file.DataFileRepository;
import io.caesarrest.store.EmbeddedStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Provides the job and file repositories and makes sure their indexes exist.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
public class JobAutoConfiguration {

	/**
	 * The repository; {@code caesar.jobs.read-cache-max-age} (default 1 s, 0 turns it
	 * off) bounds how long the REST API may serve a job another process changed.
	 */
	@Bean
	JobRepository jobRepository(MongoOperations mongo, JobMetrics metrics,
			@Value("${caesar.jobs.read-cache-max-age:1s}") Duration readCacheMaxAge) {
		JobRepository repository = new JobRepository(mongo, metrics, readCacheMaxAge);
		repository.createIndexes();
		return repository;
	}

	@Bean
	JobMetrics jobMetrics(ObjectProvider<MeterRegistry> registry) {
		return new JobMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry));
	}

	@Bean
	DataFileRepository dataFileRepository(MongoOperations mongo) {
		DataFileRepository repository = new DataFileRepository(mongo);
		repository.createIndexes();
		return repository;
	}

	/**
	 * Plays job lives on a scratch collection of the embedded store once the service is
	 * ready ({@code caesar.store.warm-up-rounds}, 0 turns it off).
	 */
	@Bean
	@ConditionalOnBean(EmbeddedStore.class)
	StoreWarmUp storeWarmUp(MongoOperations mongo, @Value("${caesar.store.warm-up-rounds:150}") int rounds) {
		return new StoreWarmUp(mongo, rounds);
	}

}
