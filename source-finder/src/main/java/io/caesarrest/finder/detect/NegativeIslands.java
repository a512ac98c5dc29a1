package io.caesarrest.finder.detect;

import java.util.List;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Runs a detector on the negated image (pixels negated in place and restored, so no copy
 * of the image is needed) and returns the seed statistics of the islands it finds.
 */
public final class NegativeIslands {

	private static final int CHUNK = 1 << 16;

	private NegativeIslands() {
	}

	/**
	 * Detects islands in the negated image.
	 * @param detector the detector, with the same settings as for the image itself
	 * @param image the image, unchanged on return
	 * @param map its background and noise
	 * @param executor the executor
	 * @return the seed statistics of the negative islands
	 */
	public static float[] seeds(IslandDetector detector, FitsImage image, BackgroundMap map,
			ParallelExecutor executor) {
		negate(image.pixels(), executor);
		try {
			List<Island> islands = detector.detect(image, map.negated(), executor);
			return SeedChoice.seeds(islands);
		}
		finally {
			negate(image.pixels(), executor);
		}
	}

	private static void negate(float[] pixels, ParallelExecutor executor) {
		executor.forEach((pixels.length + CHUNK - 1) / CHUNK, (c) -> {
			for (int k = c * CHUNK; k < Math.min(pixels.length, (c + 1) * CHUNK); k++) {
				pixels[k] = -pixels[k];
			}
		});
	}

}
