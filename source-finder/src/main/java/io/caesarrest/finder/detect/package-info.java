/**
 * Island detection: thresholded flood fill over tiles merged across tile seams.
 */
package io.caesarrest.finder.detect;
