/**
 * Sky simulator writing FITS images with a truth catalog.
 */
package io.caesarrest.finder.simulate;
