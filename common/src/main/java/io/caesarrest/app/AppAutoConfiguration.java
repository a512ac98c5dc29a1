package io.caesarrest.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Loads the app catalog once at startup.
 */
@AutoConfiguration
@EnableConfigurationProperties(AppAutoConfiguration.AppsProperties.class)
public class AppAutoConfiguration {

	private static final ConfigurationPropertyName DIR = ConfigurationPropertyName.of("caesar.apps.dir");

	@Bean
	AppCatalog appCatalog(AppsProperties properties, Environment environment) {
		return new AppCatalog(properties.dir(), settings(environment));
	}

	/**
	 * The per-app settings {@code caesar.apps.<app>.image|sif|weights|mounts}, bound
	 * beside {@code caesar.apps.dir}.
	 */
	static Map<String, AppSettings> settings(Environment environment) {
		List<ConfigurationPropertySource> sources = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			sources.add(source.filter((name) -> !name.equals(DIR)));
		}
		return new Binder(sources).bind("caesar.apps", Bindable.mapOf(String.class, AppSettings.class))
			.orElse(Map.of());
	}

	/**
	 * App catalog settings.
	 *
	 * @param dir a site directory of descriptors that add or override apps (the per-app
	 * settings beside it are bound by {@link #settings(Environment)})
	 */
	@ConfigurationProperties("caesar.apps")
	public record AppsProperties(@Nullable Path dir) {

	}

}
