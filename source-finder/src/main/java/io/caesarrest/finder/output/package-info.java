/**
 * Catalog, region, VOTable and plot writers.
 */
package io.caesarrest.finder.output;
