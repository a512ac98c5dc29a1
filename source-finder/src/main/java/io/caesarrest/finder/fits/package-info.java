/**
 * Reading and writing FITS images as flat float arrays with their header metadata.
 */
package io.caesarrest.finder.fits;
