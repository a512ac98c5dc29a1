package io.caesarrest.finder.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.catalog.CatalogSource;

/**
 * Writes a DS9 region file with one ellipse per component: fk5 with sizes in arcsec when
 * the image has world coordinates, image coordinates otherwise.
 */
final class RegionWriter {

	void write(Catalog catalog, Path path) throws IOException {
		boolean sky = "arcsec".equals(catalog.metadata().sizeUnit());
		try (PrintWriter out = new PrintWriter(new TextFileWriter(path))) {
			out.println("# Region file format: DS9 version 4.1");
			out.println("global color=green dashlist=8 3 width=1 font=\"helvetica 10 normal roman\" select=1");
			out.println(sky ? "fk5" : "image");
			for (CatalogSource source : catalog.sources()) {
				for (CatalogComponent c : source.components()) {
					out.println(sky ? skyEllipse(c) : imageEllipse(c));
				}
			}
		}
	}

	private static String skyEllipse(CatalogComponent c) {
		return "ellipse(" + f(c.ra()) + "," + f(c.dec()) + "," + f(c.bmaj() / 2) + "\"," + f(c.bmin() / 2) + "\","
				+ f(c.pa() + 90) + ") # text={" + c.name() + "}";
	}

	private static String f(double value) {
		return Double.isFinite(value) ? DecimalFormatter.format(value) : "0";
	}

	private static String imageEllipse(CatalogComponent c) {
		return "ellipse(" + f(c.x() + 1) + "," + f(c.y() + 1) + "," + f(c.bmaj() / 2) + "," + f(c.bmin() / 2) + ","
				+ f(c.pa() + 90) + ") # text={" + c.name() + "}";
	}

}
