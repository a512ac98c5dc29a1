package io.caesarrest.finder;

import java.nio.file.Path;
import java.util.List;

import io.caesarrest.finder.catalog.Catalog;

/**
 * The outcome of a finder run: the catalog and the files written.
 *
 * @param catalog the catalog
 * @param files the output files
 * @param seconds wall time from reading the image to writing the last output
 */
public record FinderResult(Catalog catalog, List<Path> files, double seconds) {

}
