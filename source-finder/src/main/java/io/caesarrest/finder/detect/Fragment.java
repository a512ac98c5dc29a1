package io.caesarrest.finder.detect;

/**
 * Part of an island found inside one tile, before merging across tile seams.
 *
 * @param pixels global pixel indices
 * @param fluxes background-subtracted values
 * @param noise local noise
 * @param maxSignificance the highest seed significance (pixel or matched filter)
 * @param touchesBorder whether it touches the image border
 * @param touchesBlank whether it touches a blank pixel
 */
record Fragment(int[] pixels, float[] fluxes, float[] noise, float maxSignificance, boolean touchesBorder,
		boolean touchesBlank) {

}
