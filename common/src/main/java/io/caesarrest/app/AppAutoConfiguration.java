package io.caesarrest.app;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Loads the app catalog once at startup.
 */
@AutoConfiguration
@EnableConfigurationProperties(AppAutoConfiguration.AppsProperties.class)
public class AppAutoConfiguration {

	@Bean
	AppCatalog appCatalog(AppsProperties properties) {
		return new AppCatalog(properties.dir());
	}

	/**
	 * App catalog settings.
	 *
	 * @param dir a site directory of descriptors that add or override apps
	 */
	@ConfigurationProperties("caesar.apps")
	public record AppsProperties(@Nullable Path dir) {

	}

}
