package io.caesarrest.store;

import org.bson.Document;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The store's health as a {@code ping} command, which both MongoDB and the embedded store
 * answer (Spring Boot's own MongoDB indicator sends {@code hello}, which the embedded
 * store does not know). It takes the place of that indicator, under the same name.
 */
@AutoConfiguration(
		beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
		afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(MongoTemplate.class)
public class StoreHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "mongoHealthIndicator")
	HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
		return () -> {
			try {
				mongo.executeCommand(new Document("ping", 1));
				return Health.up().withDetail("database", mongo.getDb().getName()).build();
			}
			catch (RuntimeException ex) {
				return Health.down(ex).build();
			}
		};
	}

}
