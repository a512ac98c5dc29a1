package io.caesarrest.store;

import com.mongodb.ConnectionString;
import io.caesarrest.storage.StorageProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts the embedded store and points the MongoDB client at it when neither
 * {@code spring.mongodb.uri} nor {@code spring.data.mongodb.uri} is set.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@Conditional(NoMongoUriCondition.class)
@EnableConfigurationProperties({ EmbeddedStoreProperties.class, StorageProperties.class })
public class EmbeddedStoreAutoConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedStore embeddedStore(EmbeddedStoreProperties properties, StorageProperties storage) {
		return EmbeddedStore.start(storage.layout().home().resolve("store").resolve("caesar.mv"), properties.port(),
				properties.database());
	}

	@Bean
	MongoConnectionDetails embeddedStoreConnectionDetails(EmbeddedStore store) {
		ConnectionString connectionString = new ConnectionString(store.connectionString());
		return () -> connectionString;
	}

}
