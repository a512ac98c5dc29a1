package io.caesarrest.finder.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFormatterTests {

	@Test
	void writesNestedValuesWithNullForNonFiniteNumbers() throws Exception {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", "a \"quoted\"\nname");
		map.put("ra", Double.NaN);
		map.put("npix", 12);
		map.put("list", List.of(1.5, true));
		StringBuilder out = new StringBuilder();
		new JsonFormatter(out).write(map, 0);
		String json = out.toString().replaceAll("\\s+", "");
		assertThat(json).isEqualTo("{\"name\":\"a\\\"quoted\\\"\\nname\",\"ra\":null,\"npix\":12,\"list\":[1.5,true]}");
	}

	@Test
	void formatsTableNumbersCompactly() {
		assertThat(CatalogTableWriter.format(Double.NaN)).isEqualTo("nan");
		assertThat(CatalogTableWriter.format(1.5e-5)).isEqualTo("1.5e-5");
		assertThat(CatalogTableWriter.format(-150.123456789012)).isEqualTo("-150.1234568");
		assertThat(CatalogTableWriter.format(0.000123456789)).isEqualTo("0.000123456789");
		assertThat(CatalogTableWriter.format(9.99999999999e-6)).isEqualTo("1e-5");
		assertThat(CatalogTableWriter.format(12.25)).isEqualTo("12.25");
		assertThat(CatalogTableWriter.format("two words")).isEqualTo("two_words");
	}

}
