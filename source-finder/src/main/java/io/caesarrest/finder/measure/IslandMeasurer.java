package io.caesarrest.finder.measure;

import io.caesarrest.finder.detect.Island;
import io.caesarrest.finder.fits.Beam;

/**
 * Measures peak, flux-weighted centroid, summed flux and the second-moments ellipse of an
 * island.
 */
public final class IslandMeasurer {

	private final int width;

	private final double beamAreaPixels;

	/**
	 * Creates a measurer.
	 * @param width the image width, to decode pixel indices
	 * @param beamAreaPixels the beam area in pixels (1 when unknown), the noise
	 * correlation area
	 */
	public IslandMeasurer(int width, double beamAreaPixels) {
		this.width = width;
		this.beamAreaPixels = beamAreaPixels;
	}

	/**
	 * Measures an island.
	 * @param island the island
	 * @return the measurement
	 */
	public IslandMeasurement measure(Island island) {
		int peak = island.peakIndex();
		double sum = 0;
		double weight = 0;
		double sx = 0;
		double sy = 0;
		double noise = 0;
		for (int k = 0; k < island.size(); k++) {
			double f = island.fluxes()[k];
			sum += f;
			noise += island.noise()[k];
			if (f > 0) {
				weight += f;
				sx += f * (island.pixels()[k] % this.width);
				sy += f * (island.pixels()[k] / this.width);
			}
		}
		double cx = sx / weight;
		double cy = sy / weight;
		double meanNoise = noise / island.size();
		double[] ellipse = moments(island, cx, cy, weight);
		double sumError = meanNoise * Math.sqrt(island.size() * Math.max(1, this.beamAreaPixels));
		int pixel = island.pixels()[peak];
		return new IslandMeasurement(pixel % this.width, pixel / this.width, island.fluxes()[peak],
				island.fluxes()[peak] / island.noise()[peak], cx, cy, sum, sumError, ellipse[0], ellipse[1], ellipse[2],
				island.size(), meanNoise);
	}

	private double[] moments(Island island, double cx, double cy, double weight) {
		double xx = 0;
		double yy = 0;
		double xy = 0;
		for (int k = 0; k < island.size(); k++) {
			double f = island.fluxes()[k];
			if (f > 0) {
				double dx = island.pixels()[k] % this.width - cx;
				double dy = island.pixels()[k] / this.width - cy;
				xx += f * dx * dx;
				yy += f * dy * dy;
				xy += f * dx * dy;
			}
		}
		xx /= weight;
		yy /= weight;
		xy /= weight;
		double mean = 0.5 * (xx + yy);
		double diff = Math.sqrt(0.25 * (xx - yy) * (xx - yy) + xy * xy);
		double major = Beam.fwhmFromSigma(Math.sqrt(Math.max(0, mean + diff)));
		double minor = Beam.fwhmFromSigma(Math.sqrt(Math.max(0, mean - diff)));
		double theta = Math.toDegrees(0.5 * Math.atan2(2 * xy, xx - yy));
		double pa = (theta - 90) % 180;
		return new double[] { major, minor, (pa < 0) ? pa + 180 : pa };
	}

}
