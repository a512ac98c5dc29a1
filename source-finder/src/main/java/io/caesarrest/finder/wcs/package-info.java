/**
 * Pixel to sky conversion from FITS world coordinate system headers.
 */
package io.caesarrest.finder.wcs;
