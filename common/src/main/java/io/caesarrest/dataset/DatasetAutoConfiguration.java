package io.caesarrest.dataset;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Binds the configured datasets.
 */
@AutoConfiguration
@EnableConfigurationProperties(DatasetProperties.class)
public class DatasetAutoConfiguration {

}
