package io.caesarrest.finder.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.catalog.CatalogMetadata;
import io.caesarrest.finder.catalog.DetectionSummary;
import io.caesarrest.finder.catalog.CatalogSource;

/**
 * Writes the island catalog (with nested components) and the component catalog as JSON
 * objects holding {@code metadata} and an array of rows.
 */
final class CatalogJsonWriter {

	void writeSources(Catalog catalog, Path path) throws IOException {
		CatalogMetadata m = catalog.metadata();
		List<Column<CatalogSource>> columns = CatalogColumns.sources(m.units(), m.sizeUnit());
		List<Column<CatalogComponent>> componentColumns = CatalogColumns.components(m.units(), m.sizeUnit());
		write(path, catalog, "sources", catalog.sources(), (json, source) -> {
			writeFields(json, columns, source, 2);
			json.append(",\n      \"components\": [");
			for (int c = 0; c < source.components().size(); c++) {
				json.append((c > 0) ? ",\n        {" : "\n        {");
				writeFields(json, componentColumns, source.components().get(c), 4);
				json.append("}");
			}
			json.append(source.components().isEmpty() ? "]" : "\n      ]");
		});
	}

	void writeComponents(Catalog catalog, Path path) throws IOException {
		CatalogMetadata m = catalog.metadata();
		List<Column<CatalogComponent>> columns = CatalogColumns.components(m.units(), m.sizeUnit());
		List<CatalogComponent> rows = new ArrayList<>();
		catalog.sources().forEach((source) -> rows.addAll(source.components()));
		write(path, catalog, "components", rows, (json, component) -> writeFields(json, columns, component, 2));
	}

	private <T> void write(Path path, Catalog catalog, String key, List<T> rows, RowWriter<T> rowWriter)
			throws IOException {
		try (Writer writer = new TextFileWriter(path)) {
			writer.write("{\n  \"metadata\": ");
			new JsonFormatter(writer).write(metadata(catalog), 1);
			writer.write(",\n  " + JsonFormatter.quote(key) + ": [");
			StringBuilder json = new StringBuilder(4096);
			for (int i = 0; i < rows.size(); i++) {
				json.setLength(0);
				json.append((i > 0) ? ",\n    {" : "\n    {");
				rowWriter.write(json, rows.get(i));
				json.append("}");
				writer.append(json);
			}
			writer.write(rows.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
		}
	}

	private static <T> void writeFields(StringBuilder json, List<Column<T>> columns, T row, int depth) {
		String indent = "\n" + "  ".repeat(depth + 1);
		for (int c = 0; c < columns.size(); c++) {
			json.append((c > 0) ? "," : "").append(indent).append('"').append(columns.get(c).name()).append("\": ");
			JsonFormatter.scalar(json, columns.get(c).value().apply(row));
		}
	}

	/**
	 * Appends the fields of one row.
	 */
	@FunctionalInterface
	private interface RowWriter<T> {

		void write(StringBuilder json, T row);

	}

	private Map<String, Object> metadata(Catalog catalog) {
		CatalogMetadata m = catalog.metadata();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("image", m.image());
		map.put("width", m.width());
		map.put("height", m.height());
		map.put("pixel_origin", 0);
		map.put("bunit", m.units().bunit());
		Map<String, Object> units = new LinkedHashMap<>();
		units.put("peak", m.units().peak());
		units.put("integrated", m.units().integrated());
		units.put("convention", m.units().convention());
		map.put("flux_units", units);
		map.put("size_unit", m.sizeUnit());
		map.put("pixel_scale_arcsec", m.pixelScaleArcsec());
		// a fixed order, so that two runs write the same file
		Map<String, Object> beam = new LinkedHashMap<>();
		beam.put("bmaj_arcsec", m.beamMajor());
		beam.put("bmin_arcsec", m.beamMinor());
		beam.put("bpa_deg", m.beamPa());
		beam.put("area_pixels", m.beamAreaPixels());
		map.put("beam", beam);
		map.put("background_median", m.medianBackground());
		map.put("noise_median", m.medianNoise());
		DetectionSummary d = m.detection();
		map.put("seed_threshold", d.seedThreshold());
		map.put("merge_threshold", d.mergeThreshold());
		map.put("threshold_method", d.method());
		map.put("fdr_target", d.fdrTarget());
		map.put("false_islands_estimate", d.falseEstimate());
		map.put("fdr_estimate", d.estimatedFdr());
		map.put("matched_filter_gain", d.filterGain());
		map.put("box_pixels", m.boxPixels());
		map.put("threads", m.threads());
		map.put("n_sources", catalog.sources().size());
		map.put("n_components", catalog.componentCount());
		map.put("timings_s", m.timings());
		return map;
	}

}
