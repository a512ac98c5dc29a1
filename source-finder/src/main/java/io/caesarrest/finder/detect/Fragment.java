package io.caesarrest.finder.detect;

/**
 * Part of an island found inside one tile, before merging across tile seams.
 */
record Fragment(int[] pixels, float[] fluxes, float[] noise, float maxSignificance, boolean touchesBorder,
		boolean touchesBlank) {

}
