package io.caesarrest.storage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Provides the storage layout and creates its top directories.
 */
@AutoConfiguration
@EnableConfigurationProperties(StorageProperties.class)
public class StorageAutoConfiguration {

	@Bean
	StorageLayout storageLayout(StorageProperties properties) {
		StorageLayout layout = properties.layout();
		StorageLayout.createDirectories(layout.datadir());
		StorageLayout.createDirectories(layout.jobdir());
		return layout;
	}

}
