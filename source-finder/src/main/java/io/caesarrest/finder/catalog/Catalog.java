package io.caesarrest.finder.catalog;

import java.util.List;

/**
 * The result catalog of one run: metadata and islands with their components.
 *
 * @param metadata the run metadata
 * @param sources the islands, brightest first
 */
public record Catalog(CatalogMetadata metadata, List<CatalogSource> sources) {

	/**
	 * Returns the number of fitted components over all islands.
	 * @return the component count
	 */
	public int componentCount() {
		return this.sources.stream().mapToInt((source) -> source.components().size()).sum();
	}

}
