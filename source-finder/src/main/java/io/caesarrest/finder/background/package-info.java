/**
 * Background and noise maps from sigma-clipped statistics on a coarse grid.
 */
package io.caesarrest.finder.background;
