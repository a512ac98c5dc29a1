package io.caesarrest.dataset;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured datasets, by name ({@code caesar.datasets.<name>.description},
 * {@code caesar.datasets.<name>.filelist}).
 *
 * @param datasets dataset name to its settings
 */
@ConfigurationProperties("caesar")
public record DatasetProperties(Map<String, Dataset> datasets) {

	public DatasetProperties {
		datasets = (datasets != null) ? new TreeMap<>(datasets) : new TreeMap<>();
	}

	public Optional<Dataset> find(String name) {
		return Optional.ofNullable(this.datasets.get(name));
	}

	/**
	 * One dataset.
	 *
	 * @param description what it holds
	 * @param filelist the JSON file list passed to apps as their input
	 */
	public record Dataset(String description, Path filelist) {

	}

}
