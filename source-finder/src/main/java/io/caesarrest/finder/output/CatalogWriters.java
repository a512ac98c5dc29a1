package io.caesarrest.finder.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Writes every output of a run into one directory: {@code catalog-{id}.json/.dat},
 * {@code catalog_fitcomp-{id}.json/.dat} and optionally {@code plot_{id}.png},
 * {@code regions-{id}.reg} and {@code catalog-{id}.vot}.
 */
public final class CatalogWriters {

	private final boolean plot;

	private final boolean regions;

	private final boolean votable;

	/**
	 * Creates the writers.
	 * @param plot whether to write the PNG plot
	 * @param regions whether to write the DS9 regions
	 * @param votable whether to write the VOTable
	 */
	public CatalogWriters(boolean plot, boolean regions, boolean votable) {
		this.plot = plot;
		this.regions = regions;
		this.votable = votable;
	}

	/**
	 * Writes the outputs.
	 * @param catalog the catalog
	 * @param image the image (for the plot)
	 * @param outDir the output directory, created if missing
	 * @param id the run id
	 * @return the files written
	 */
	public List<Path> write(Catalog catalog, FitsImage image, Path outDir, String id) {
		try {
			Files.createDirectories(outDir);
			List<Path> files = new ArrayList<>();
			CatalogJsonWriter json = new CatalogJsonWriter();
			json.writeSources(catalog, add(files, outDir.resolve("catalog-" + id + ".json")));
			json.writeComponents(catalog, add(files, outDir.resolve("catalog_fitcomp-" + id + ".json")));
			writeTables(catalog, outDir, id, files);
			if (this.plot) {
				new PlotWriter().write(catalog, image, add(files, outDir.resolve("plot_" + id + ".png")));
			}
			if (this.regions) {
				new RegionWriter().write(catalog, add(files, outDir.resolve("regions-" + id + ".reg")));
			}
			if (this.votable) {
				new VoTableWriter().write(catalog, add(files, outDir.resolve("catalog-" + id + ".vot")));
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write outputs to " + outDir + ": " + ex.getMessage(), ex);
		}
	}

	private void writeTables(Catalog catalog, Path outDir, String id, List<Path> files) throws IOException {
		String unit = catalog.metadata().unit();
		String size = catalog.metadata().sizeUnit();
		CatalogTableWriter table = new CatalogTableWriter();
		table.write(add(files, outDir.resolve("catalog-" + id + ".dat")), CatalogColumns.sources(unit, size),
				catalog.sources());
		List<CatalogComponent> components = new ArrayList<>();
		catalog.sources().forEach((source) -> components.addAll(source.components()));
		table.write(add(files, outDir.resolve("catalog_fitcomp-" + id + ".dat")), CatalogColumns.components(unit, size),
				components);
	}

	private static Path add(List<Path> files, Path path) {
		files.add(path);
		return path;
	}

}
