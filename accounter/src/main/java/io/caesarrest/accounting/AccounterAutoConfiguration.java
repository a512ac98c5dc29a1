package io.caesarrest.accounting;

import java.time.Clock;

import io.caesarrest.job.JobAutoConfiguration;
import io.caesarrest.storage.StorageAutoConfiguration;
import io.caesarrest.storage.StorageLayout;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Provides the accounting figures to readers and, unless
 * {@code caesar.accounter.enabled=false}, recomputes them periodically.
 */
@AutoConfiguration(after = { JobAutoConfiguration.class, StorageAutoConfiguration.class })
@EnableConfigurationProperties(AccounterProperties.class)
public class AccounterAutoConfiguration {

	@Bean
	AccountingRepository accountingRepository(MongoOperations mongo) {
		return new AccountingRepository(mongo);
	}

	@Bean
	Accounter accounter(MongoOperations mongo, StorageLayout layout, AccountingRepository repository) {
		return new Accounter(mongo, layout, repository, Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "caesar.accounter.enabled", havingValue = "true", matchIfMissing = true)
	static class LoopConfiguration {

		@Bean
		AccounterLoop accounterLoop(Accounter accounter, AccounterProperties properties) {
			return new AccounterLoop(accounter, properties);
		}

	}

}
