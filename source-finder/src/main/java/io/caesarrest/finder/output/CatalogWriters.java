package io.caesarrest.finder.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.catalog.FluxUnits;
import io.caesarrest.finder.concurrent.ParallelExecutor;
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
	 * Writes the outputs, the longest tasks first so that the threads finish together.
	 * @param catalog the catalog
	 * @param image the image (for the plot)
	 * @param outDir the output directory, created if missing
	 * @param id the run id
	 * @param executor runs the writers in parallel
	 * @return the files written
	 */
	public List<Path> write(Catalog catalog, FitsImage image, Path outDir, String id, ParallelExecutor executor) {
		try {
			Files.createDirectories(outDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create output directory " + outDir + ": " + ex.getMessage(), ex);
		}
		PlotWriter.Preview preview = this.plot ? PlotWriter.preview(image, executor) : null;
		Map<Path, OutputTask> tasks = tasks(catalog, image, preview, outDir, id);
		List<Path> files = new ArrayList<>(tasks.keySet());
		executor.forEach(files.size(), (i) -> {
			try {
				tasks.get(files.get(i)).write(files.get(i));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot write " + files.get(i) + ": " + ex.getMessage(), ex);
			}
		});
		return files;
	}

	private Map<Path, OutputTask> tasks(Catalog catalog, FitsImage image, PlotWriter.Preview preview, Path outDir,
			String id) {
		FluxUnits unit = catalog.metadata().units();
		String size = catalog.metadata().sizeUnit();
		List<CatalogComponent> components = new ArrayList<>();
		catalog.sources().forEach((source) -> components.addAll(source.components()));
		Map<Path, OutputTask> tasks = new LinkedHashMap<>();
		tasks.put(outDir.resolve("catalog-" + id + ".json"),
				(path) -> new CatalogJsonWriter().writeSources(catalog, path));
		if (this.plot) {
			tasks.put(outDir.resolve("plot_" + id + ".png"),
					(path) -> new PlotWriter().write(catalog, image, preview, path));
		}
		tasks.put(outDir.resolve("catalog_fitcomp-" + id + ".json"),
				(path) -> new CatalogJsonWriter().writeComponents(catalog, path));
		if (this.votable) {
			tasks.put(outDir.resolve("catalog-" + id + ".vot"), (path) -> new VoTableWriter().write(catalog, path));
		}
		tasks.put(outDir.resolve("catalog_fitcomp-" + id + ".dat"),
				(path) -> new CatalogTableWriter().write(path, CatalogColumns.components(unit, size), components));
		tasks.put(outDir.resolve("catalog-" + id + ".dat"),
				(path) -> new CatalogTableWriter().write(path, CatalogColumns.sources(unit, size), catalog.sources()));
		if (this.regions) {
			tasks.put(outDir.resolve("regions-" + id + ".reg"), (path) -> new RegionWriter().write(catalog, path));
		}
		return tasks;
	}

	/**
	 * Writes one output file.
	 */
	@FunctionalInterface
	private interface OutputTask {

		void write(Path path) throws IOException;

	}

}
