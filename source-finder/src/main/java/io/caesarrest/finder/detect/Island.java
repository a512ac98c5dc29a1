package io.caesarrest.finder.detect;

/**
 * A connected group of pixels above the merge threshold containing at least one seed
 * pixel.
 *
 * @param pixels global pixel indices {@code y * width + x}
 * @param fluxes background-subtracted pixel values
 * @param noise local noise at each pixel
 * @param touchesBorder whether the island touches the image border
 * @param touchesBlank whether the island touches a blank (NaN) pixel
 * @param seed the island's seed statistic in sigma: its highest pixel significance, or
 * its highest matched-filter significance when that seeded it
 */
public record Island(int[] pixels, float[] fluxes, float[] noise, boolean touchesBorder, boolean touchesBlank,
		float seed) {

	/**
	 * Returns the number of pixels.
	 * @return the pixel count
	 */
	public int size() {
		return this.pixels.length;
	}

	/**
	 * Returns the index (into the arrays) of the pixel with the highest flux.
	 * @return the peak position in the arrays
	 */
	public int peakIndex() {
		int best = 0;
		for (int k = 1; k < this.fluxes.length; k++) {
			if (this.fluxes[k] > this.fluxes[best]) {
				best = k;
			}
		}
		return best;
	}

}
