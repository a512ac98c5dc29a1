/**
 * FITS header inspection of uploaded files.
 */
package io.caesarrest.fits;
