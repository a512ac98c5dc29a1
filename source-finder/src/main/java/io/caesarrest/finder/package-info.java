/**
 * Built-in compact source finder: runs the pipeline from a FITS image to catalogs.
 */
package io.caesarrest.finder;
