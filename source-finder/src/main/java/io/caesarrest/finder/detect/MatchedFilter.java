package io.caesarrest.finder.detect;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.background.RobustStatistics;
import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.fit.LinearAlgebra;
import io.caesarrest.finder.fits.Beam;
import io.caesarrest.finder.fits.FitsImage;

/**
 * The optimal linear detector of a beam-shaped source in the image's own correlated
 * noise, used as a second seed test next to the pixel significance.
 * <p>
 * The noise autocorrelation is measured on the image (background-subtracted pixels within
 * {@value #CLIP} sigma, in a sample of tiles), so the filter adapts to whatever
 * correlation the imaging left in the noise. Over a window of about one beam FWHM around
 * a pixel, the weights {@code k = (R + lambda I)^-1 b} (R the noise correlation between
 * window pixels, b the beam centred on the window) maximise the signal-to-noise of a
 * point source; {@code lambda} = {@value #REGULARIZATION} keeps them smooth when R is
 * nearly singular. The filtered value is divided by its noise, measured on the same
 * sample, so it reads in sigma like the pixel significance and shares its seed threshold.
 * It is computed only where the detector needs it: on the pixels of merge-threshold
 * fragments that hold no seed pixel. When the noise autocorrelation is the beam, as in an
 * interferometric image, the pixel itself is already the optimal statistic and the filter
 * switches itself off (gain under {@value #MIN_GAIN}).
 */
public final class MatchedFilter {

	/** Weight of the white-noise term added to the correlation matrix. */
	static final double REGULARIZATION = 0.05;

	/**
	 * Pixels further than this from the background (in sigma) are left out of the noise
	 * sample.
	 */
	static final double CLIP = 3.5;

	/** Below this gain over the pixel significance the filter is not worth using. */
	static final double MIN_GAIN = 1.05;

	/** Fewest noise pixels the filter is estimated from. */
	static final int MIN_NOISE_PIXELS = 4000;

	private final int radius;

	private final int side;

	private final float[] kernel;

	private final double kernelSum;

	private final double gain;

	private MatchedFilter(int radius, float[] kernel, double gain) {
		this.radius = radius;
		this.side = 2 * radius + 1;
		this.kernel = kernel;
		double sum = 0;
		for (float k : kernel) {
			sum += k;
		}
		this.kernelSum = sum;
		this.gain = gain;
	}

	/**
	 * Estimates the filter for an image.
	 * @param image the image
	 * @param map its background and noise
	 * @param executor runs the noise sample's tiles in parallel
	 * @return the filter, or {@code null} when the image has no beam, too few noise
	 * pixels, or noise for which the filter gains nothing
	 */
	public static MatchedFilter estimate(FitsImage image, BackgroundMap map, ParallelExecutor executor) {
		double major = image.beamMajorPixels(0);
		if (!(major > 0) || image.beam() == null) {
			return null;
		}
		double minor = image.beam().minorPixels(image.pixelScaleDeg());
		int radius = (int) Math.max(2, Math.min(7, Math.round(major)));
		NoiseSample sample = NoiseSample.take(image, map, radius, executor);
		if (sample == null) {
			return null;
		}
		double[] template = template(radius, Beam.sigmaFromFwhm(major), Beam.sigmaFromFwhm(minor),
				Math.toRadians(image.beam().paDeg() + 90));
		double[] correlation = correlationMatrix(sample.correlation(), radius);
		int n = template.length;
		double[] regularized = correlation.clone();
		for (int i = 0; i < n; i++) {
			regularized[i * n + i] += REGULARIZATION;
		}
		double[] cholesky = LinearAlgebra.cholesky(regularized, n);
		if (cholesky == null) {
			return null;
		}
		double[] weights = LinearAlgebra.solve(cholesky, n, template);
		double variance = quadratic(weights, correlation, n);
		if (!(variance > 0)) {
			return null;
		}
		double response = 0;
		for (int i = 0; i < n; i++) {
			response += weights[i] * template[i];
		}
		float[] kernel = new float[n];
		for (int i = 0; i < n; i++) {
			kernel[i] = (float) (weights[i] / Math.sqrt(variance));
		}
		MatchedFilter filter = new MatchedFilter(radius, kernel, response / Math.sqrt(variance));
		double scale = filter.measuredNoise(image, map, sample, executor);
		if (!(scale > 0.5 && scale < 2)) {
			return null;
		}
		for (int i = 0; i < n; i++) {
			kernel[i] /= (float) scale;
		}
		MatchedFilter normalized = new MatchedFilter(radius, kernel, filter.gain / scale);
		return (normalized.gain >= MIN_GAIN) ? normalized : null;
	}

	/**
	 * Returns the peak of a centred point source in the filtered map over its peak in the
	 * significance map.
	 * @return the gain
	 */
	public double gain() {
		return this.gain;
	}

	/**
	 * Returns the filtered significance at a pixel.
	 * @param image the image
	 * @param x the column
	 * @param y the row
	 * @param background the background at the pixel
	 * @param noise the noise at the pixel
	 * @return the significance in sigma, NaN when the window leaves the image or holds a
	 * blank pixel
	 */
	public double significance(FitsImage image, int x, int y, float background, float noise) {
		if (x < this.radius || y < this.radius || x >= image.width() - this.radius
				|| y >= image.height() - this.radius) {
			return Double.NaN;
		}
		float[] pixels = image.pixels();
		double sum = 0;
		int k = 0;
		for (int dy = -this.radius; dy <= this.radius; dy++) {
			int row = (y + dy) * image.width() + x;
			for (int dx = -this.radius; dx <= this.radius; dx++) {
				sum += this.kernel[k++] * pixels[row + dx];
			}
		}
		return (sum - background * this.kernelSum) / noise;
	}

	private double measuredNoise(FitsImage image, BackgroundMap map, NoiseSample sample, ParallelExecutor executor) {
		int[] centres = sample.centres();
		float[] values = new float[centres.length];
		int chunk = 1024;
		executor.forEach((centres.length + chunk - 1) / chunk, (c) -> {
			for (int i = c * chunk; i < Math.min(centres.length, (c + 1) * chunk); i++) {
				int x = centres[i] % image.width();
				int y = centres[i] / image.width();
				values[i] = (float) significance(image, x, y, (float) map.background(x, y), (float) map.noise(x, y));
			}
		});
		int n = 0;
		for (float value : values) {
			if (Float.isFinite(value)) {
				values[n++] = value;
			}
		}
		if (n < MIN_NOISE_PIXELS / 4) {
			return Double.NaN;
		}
		return RobustStatistics.clippedMedianSigma(values, n, new float[n], 4.0, 3)[1];
	}

	private static double[] template(int radius, double sigmaMajor, double sigmaMinor, double theta) {
		int side = 2 * radius + 1;
		double[] template = new double[side * side];
		double cos = Math.cos(theta);
		double sin = Math.sin(theta);
		int k = 0;
		for (int dy = -radius; dy <= radius; dy++) {
			for (int dx = -radius; dx <= radius; dx++) {
				double u = (dx * cos + dy * sin) / sigmaMajor;
				double v = (-dx * sin + dy * cos) / sigmaMinor;
				template[k++] = Math.exp(-0.5 * (u * u + v * v));
			}
		}
		return template;
	}

	private static double[] correlationMatrix(double[][] correlation, int radius) {
		int side = 2 * radius + 1;
		int n = side * side;
		int lag = 2 * radius;
		double[] matrix = new double[n * n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				int dy = i / side - j / side;
				int dx = i % side - j % side;
				matrix[i * n + j] = correlation[dy + lag][dx + lag];
			}
		}
		return matrix;
	}

	private static double quadratic(double[] v, double[] matrix, int n) {
		double total = 0;
		for (int i = 0; i < n; i++) {
			double row = 0;
			for (int j = 0; j < n; j++) {
				row += matrix[i * n + j] * v[j];
			}
			total += v[i] * row;
		}
		return total;
	}

}
