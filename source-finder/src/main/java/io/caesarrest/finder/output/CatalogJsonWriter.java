package io.caesarrest.finder.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.catalog.CatalogMetadata;
import io.caesarrest.finder.catalog.CatalogSource;

/**
 * Writes the island catalog (with nested components) and the component catalog as JSON
 * objects holding {@code metadata} and an array of rows.
 */
final class CatalogJsonWriter {

	void writeSources(Catalog catalog, Path path) throws IOException {
		CatalogMetadata m = catalog.metadata();
		List<Column<CatalogSource>> columns = CatalogColumns.sources(m.unit(), m.sizeUnit());
		List<Column<CatalogComponent>> componentColumns = CatalogColumns.components(m.unit(), m.sizeUnit());
		List<Object> rows = new ArrayList<>();
		for (CatalogSource source : catalog.sources()) {
			Map<String, Object> row = row(columns, source);
			List<Object> components = new ArrayList<>();
			source.components().forEach((component) -> components.add(row(componentColumns, component)));
			row.put("components", components);
			rows.add(row);
		}
		write(path, metadata(catalog), "sources", rows);
	}

	void writeComponents(Catalog catalog, Path path) throws IOException {
		CatalogMetadata m = catalog.metadata();
		List<Column<CatalogComponent>> columns = CatalogColumns.components(m.unit(), m.sizeUnit());
		List<Object> rows = new ArrayList<>();
		catalog.sources()
			.forEach((source) -> source.components().forEach((component) -> rows.add(row(columns, component))));
		write(path, metadata(catalog), "components", rows);
	}

	private void write(Path path, Map<String, Object> metadata, String key, List<Object> rows) throws IOException {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("metadata", metadata);
		document.put(key, rows);
		try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
			new JsonFormatter(writer).write(document, 0);
			writer.write('\n');
		}
	}

	private static <T> Map<String, Object> row(List<Column<T>> columns, T item) {
		Map<String, Object> row = new LinkedHashMap<>();
		columns.forEach((column) -> row.put(column.name(), column.value().apply(item)));
		return row;
	}

	private Map<String, Object> metadata(Catalog catalog) {
		CatalogMetadata m = catalog.metadata();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("image", m.image());
		map.put("width", m.width());
		map.put("height", m.height());
		map.put("pixel_origin", 0);
		map.put("bunit", m.unit());
		map.put("size_unit", m.sizeUnit());
		map.put("pixel_scale_arcsec", m.pixelScaleArcsec());
		map.put("beam", Map.of("bmaj_arcsec", m.beamMajor(), "bmin_arcsec", m.beamMinor(), "bpa_deg", m.beamPa(),
				"area_pixels", m.beamAreaPixels()));
		map.put("background_median", m.medianBackground());
		map.put("noise_median", m.medianNoise());
		map.put("seed_threshold", m.seedThreshold());
		map.put("merge_threshold", m.mergeThreshold());
		map.put("box_pixels", m.boxPixels());
		map.put("threads", m.threads());
		map.put("n_sources", catalog.sources().size());
		map.put("n_components", catalog.componentCount());
		map.put("timings_s", m.timings());
		return map;
	}

}
