package io.caesarrest.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AppDescriptionTests {

	private static final AppCatalog catalog = new AppCatalog(null);

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void umapDescribeEqualsTheReadmeExample() throws IOException {
		JsonNode expected;
		try (InputStream readme = getClass().getResourceAsStream("/app/umap-describe-readme.json")) {
			expected = this.json.readTree(readme);
		}
		JsonNode actual = this.json.valueToTree(catalog.find("umap").orElseThrow().describe());
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void describesEnumsWithTheirAllowedValues() {
		Map<String, Object> bkgestimator = catalog.find("caesar").orElseThrow().describe().get("bkgestimator");
		assertThat(bkgestimator).containsEntry("enum", true)
			.containsEntry("type", "str")
			.containsEntry("default", "Median")
			.containsEntry("allowed_values", List.of("Mean", "Median", "BiWeight", "ClippedMedian"))
			.doesNotContainKeys("min", "max");
	}

	@Test
	void describesKeysInSortedOrder() {
		Map<String, Map<String, Object>> described = catalog.find("caesar").orElseThrow().describe();
		assertThat(List.copyOf(described.keySet())).isSorted();
		assertThat(described.get("seedthr").keySet()).containsExactly("advanced", "category", "default", "description",
				"enum", "mandatory", "max", "min", "subcategory", "type");
		assertThat(described.get("no-mpi").keySet()).containsExactly("advanced", "category", "description", "enum",
				"mandatory", "subcategory", "type");
	}

	@Test
	void leavesForcedOptionsOut() {
		assertThat(catalog.find("caesar").orElseThrow().describe()).doesNotContainKey("run").hasSize(156);
	}

	@Test
	void marksAdvancedOptionsWithOne() {
		Map<String, Map<String, Object>> described = catalog.find("caesar").orElseThrow().describe();
		assertThat(described.get("bmaj")).containsEntry("advanced", 1);
		assertThat(described.get("seedthr")).containsEntry("advanced", 0);
	}

}
