package io.caesarrest.finder.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an ASCII table: a {@code #} header line naming the columns, then one whitespace
 * separated row per item.
 */
final class CatalogTableWriter {

	<T> void write(Path path, List<Column<T>> columns, List<T> rows) throws IOException {
		try (PrintWriter out = new PrintWriter(new TextFileWriter(path))) {
			StringBuilder header = new StringBuilder("#");
			columns.forEach((column) -> header.append(' ').append(column.name()));
			out.println(header);
			StringBuilder units = new StringBuilder("#");
			columns.forEach((column) -> units.append(' ').append(column.unit().isEmpty() ? "-" : column.unit()));
			out.println(units);
			for (T row : rows) {
				StringBuilder line = new StringBuilder();
				for (Column<T> column : columns) {
					line.append((line.length() > 0) ? " " : "").append(format(column.value().apply(row)));
				}
				out.println(line);
			}
		}
	}

	static String format(Object value) {
		if (value instanceof Double number) {
			return Double.isFinite(number) ? DecimalFormatter.format(number) : "nan";
		}
		return String.valueOf(value).replace(' ', '_');
	}

}
