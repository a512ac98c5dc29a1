package io.caesarrest.api.event;

import io.caesarrest.engine.JobEngine;
import io.caesarrest.job.JobRepository;
import io.caesarrest.store.EmbeddedStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub of the event streams, reading the store only where another process can write
 * job states.
 */
@Configuration(proxyBeanMethods = false)
class JobEventConfiguration {

	@Bean
	JobEventHub jobEventHub(JobRepository jobs, EventProperties properties, ObjectProvider<JobEngine> engine,
			ObjectProvider<EmbeddedStore> store) {
		boolean alone = engine.getIfAvailable() != null && store.getIfAvailable() != null;
		boolean pollStore = (properties.pollStore() != null) ? properties.pollStore() : !alone;
		return new JobEventHub(jobs, properties, pollStore);
	}

}
