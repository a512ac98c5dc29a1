package io.caesarrest.finder.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8))) {
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
		return String.format(Locale.ROOT, "ellipse(%.7f,%.7f,%.3f\",%.3f\",%.2f) # text={%s}", c.ra(), c.dec(),
				c.bmaj() / 2, c.bmin() / 2, c.pa() + 90, c.name());
	}

	private static String imageEllipse(CatalogComponent c) {
		return String.format(Locale.ROOT, "ellipse(%.3f,%.3f,%.3f,%.3f,%.2f) # text={%s}", c.x() + 1, c.y() + 1,
				c.bmaj() / 2, c.bmin() / 2, c.pa() + 90, c.name());
	}

}
