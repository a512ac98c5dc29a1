package io.caesarrest.finder.background;

import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Estimates background and noise with sigma-clipped statistics in boxes centred on a
 * coarse grid of nodes spaced half a box apart.
 */
public final class BackgroundEstimator {

	private static final int MIN_SAMPLES = 16;

	private static final int MAX_SAMPLES_PER_AXIS = 32;

	private final int boxPixels;

	/**
	 * Creates an estimator.
	 * @param boxPixels the box size in pixels
	 */
	public BackgroundEstimator(int boxPixels) {
		this.boxPixels = Math.max(8, boxPixels);
	}

	/**
	 * Computes the background map.
	 * @param image the image
	 * @param executor the executor for node rows
	 * @return the map
	 * @throws IllegalArgumentException if the image has no finite pixels
	 */
	public BackgroundMap estimate(FitsImage image, ParallelExecutor executor) {
		int boxX = Math.min(this.boxPixels, image.width());
		int boxY = Math.min(this.boxPixels, image.height());
		int nodesX = Math.max(1, (int) Math.round((double) image.width() / boxX));
		int nodesY = Math.max(1, (int) Math.round((double) image.height() / boxY));
		double stepX = (double) image.width() / nodesX;
		double stepY = (double) image.height() / nodesY;
		float[] background = new float[nodesX * nodesY];
		float[] noise = new float[nodesX * nodesY];
		executor.forEach(nodesY, (j) -> {
			BoxSampler sampler = new BoxSampler(image, boxX, boxY, MAX_SAMPLES_PER_AXIS);
			for (int i = 0; i < nodesX; i++) {
				double[] stats = sampler.stats((i + 0.5) * stepX - 0.5, (j + 0.5) * stepY - 0.5, MIN_SAMPLES);
				background[j * nodesX + i] = (float) stats[0];
				noise[j * nodesX + i] = (float) stats[1];
			}
		});
		NodeFiller.fill(background, noise, nodesX, nodesY);
		return new BackgroundMap(nodesX, nodesY, stepX, stepY, NodeSmoother.smooth(background, nodesX, nodesY),
				NodeSmoother.smooth(noise, nodesX, nodesY), image.width());
	}

}
