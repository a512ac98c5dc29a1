/**
 * Catalog model: islands, fitted components and run metadata in physical units.
 */
package io.caesarrest.finder.catalog;
