package io.caesarrest.finder.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogComponent;

/**
 * Writes the component catalog as a VOTable 1.4 document with TABLEDATA rows.
 */
final class VoTableWriter {

	void write(Catalog catalog, Path path) throws IOException {
		List<Column<CatalogComponent>> columns = CatalogColumns.components(catalog.metadata().units(),
				catalog.metadata().sizeUnit());
		List<CatalogComponent> rows = new ArrayList<>();
		catalog.sources().forEach((source) -> rows.addAll(source.components()));
		try (PrintWriter out = new PrintWriter(new TextFileWriter(path))) {
			header(out, catalog, columns);
			out.println("<DATA><TABLEDATA>");
			for (CatalogComponent row : rows) {
				StringBuilder line = new StringBuilder("<TR>");
				for (Column<CatalogComponent> column : columns) {
					line.append("<TD>").append(cell(column.value().apply(row))).append("</TD>");
				}
				out.println(line.append("</TR>"));
			}
			out.println("</TABLEDATA></DATA>");
			out.println("</TABLE>");
			out.println("</RESOURCE>");
			out.println("</VOTABLE>");
		}
	}

	private static void header(PrintWriter out, Catalog catalog, List<Column<CatalogComponent>> columns) {
		out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		out.println("<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">");
		out.println("<RESOURCE name=\"sfinder\">");
		out.println("<TABLE name=\"components\">");
		out.println(
				"<DESCRIPTION>Gaussian components found in " + escape(catalog.metadata().image()) + "</DESCRIPTION>");
		for (Column<CatalogComponent> column : columns) {
			String size = "char".equals(column.datatype()) ? " arraysize=\"*\"" : "";
			out.println("<FIELD name=\"" + column.name() + "\" datatype=\"" + column.datatype() + "\"" + size
					+ (column.unit().isEmpty() ? "" : " unit=\"" + escape(column.unit()) + "\"") + "/>");
		}
	}

	private static String cell(Object value) {
		if (value instanceof Double number) {
			return Double.isFinite(number) ? DecimalFormatter.format(number) : "";
		}
		return escape(String.valueOf(value));
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
