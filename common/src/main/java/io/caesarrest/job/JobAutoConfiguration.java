package io.caesarrest.job;

import io.caesarrest.file.DataFileRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Provides the job and file repositories and makes sure their indexes exist.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
public class JobAutoConfiguration {

	@Bean
	JobRepository jobRepository(MongoOperations mongo, JobMetrics metrics) {
		JobRepository repository = new JobRepository(mongo, metrics);
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

}
