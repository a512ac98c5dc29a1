package io.caesarrest.finder.detect;

import java.util.Arrays;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.fits.FitsImage;

/**
 * The noise sample: tiles spread over the image, the autocorrelation of their clipped
 * significance up to {@code 2 * radius} pixels, and the tile pixels at which the filtered
 * noise is measured.
 */
record NoiseSample(double[][] correlation, int[] centres) {

	private static final int SAMPLE_TILE = 128;

	private static final int MAX_SAMPLE_TILES = 8;

	static NoiseSample take(FitsImage image, BackgroundMap map, int radius, ParallelExecutor executor) {
		int lag = 2 * radius;
		int tile = Math.min(SAMPLE_TILE, Math.min(image.width(), image.height()) - 2 * lag);
		if (tile < 4 * lag) {
			return null;
		}
		int across = Math.max(1, Math.min(4, (image.width() - 2 * lag) / tile));
		int down = Math.max(1, Math.min(MAX_SAMPLE_TILES / across, (image.height() - 2 * lag) / tile));
		int tiles = across * down;
		int width = 2 * lag + 1;
		double[][] sums = new double[tiles][width * width];
		long[][] counts = new long[tiles][width * width];
		int[][] centres = new int[tiles][];
		executor.forEach(tiles, (t) -> {
			int x0 = lag + (int) ((long) (t % across) * (image.width() - 2 * lag - tile) / Math.max(1, across - 1));
			int y0 = lag + (int) ((long) (t / across) * (image.height() - 2 * lag - tile) / Math.max(1, down - 1));
			centres[t] = accumulate(image, map, x0, y0, tile, lag, sums[t], counts[t]);
		});
		double[] sum = new double[width * width];
		long[] count = new long[width * width];
		int centreCount = 0;
		for (int t = 0; t < tiles; t++) {
			for (int i = 0; i < sum.length; i++) {
				sum[i] += sums[t][i];
				count[i] += counts[t][i];
			}
			centreCount += centres[t].length;
		}
		int zero = lag * width + lag;
		if (count[zero] < MatchedFilter.MIN_NOISE_PIXELS || !(sum[zero] > 0)) {
			return null;
		}
		double variance = sum[zero] / count[zero];
		double[][] correlation = new double[width][width];
		for (int dy = -lag; dy <= lag; dy++) {
			for (int dx = -lag; dx <= lag; dx++) {
				int i = (dy + lag) * width + dx + lag;
				int mirror = (lag - dy) * width + lag - dx;
				long pairs = count[i] + count[mirror];
				correlation[dy + lag][dx + lag] = (pairs > 0) ? (sum[i] + sum[mirror]) / pairs / variance : 0;
			}
		}
		int[] all = new int[centreCount];
		int offset = 0;
		for (int[] c : centres) {
			System.arraycopy(c, 0, all, offset, c.length);
			offset += c.length;
		}
		return new NoiseSample(correlation, all);
	}

	/**
	 * Returns the number of positions {@code i < n} where both row {@code a} at column
	 * {@code aFrom + i} and row {@code b} at {@code bFrom + i} hold a noise pixel, from
	 * the rows' sparse lists of left-out pixels.
	 */
	private static long validPairs(int[][] invalid, int[][] invalidBefore, int a, int b, int aFrom, int bFrom, int n) {
		int invalidA = invalidBefore[a][aFrom + n] - invalidBefore[a][aFrom];
		int invalidB = invalidBefore[b][bFrom + n] - invalidBefore[b][bFrom];
		int both = 0;
		for (int x : invalid[a]) {
			int partner = x - aFrom + bFrom;
			if (x >= aFrom && x < aFrom + n && Arrays.binarySearch(invalid[b], partner) >= 0) {
				both++;
			}
		}
		return (long) n - invalidA - invalidB + both;
	}

	/**
	 * Returns the dot product of two runs, in four independent sums.
	 */
	private static double dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int i = 0;
		for (; i + 3 < n; i += 4) {
			s0 += a[aFrom + i] * b[bFrom + i];
			s1 += a[aFrom + i + 1] * b[bFrom + i + 1];
			s2 += a[aFrom + i + 2] * b[bFrom + i + 2];
			s3 += a[aFrom + i + 3] * b[bFrom + i + 3];
		}
		for (; i < n; i++) {
			s0 += a[aFrom + i] * b[bFrom + i];
		}
		return (double) s0 + s1 + s2 + s3;
	}

	/**
	 * Adds the products of one tile's clipped significance with its neighbours at lags
	 * {@code dy >= 0} (the other half follows by symmetry), and returns the tile's pixels
	 * on a grid of stride 3 as measurement centres.
	 */
	private static int[] accumulate(FitsImage image, BackgroundMap map, int x0, int y0, int tile, int lag,
			double[] sums, long[] counts) {
		int regionWidth = tile + 2 * lag;
		int regionHeight = tile + lag;
		float[] z = new float[regionWidth * regionHeight];
		float[] background = new float[regionWidth];
		float[] noise = new float[regionWidth];
		for (int y = 0; y < regionHeight; y++) {
			map.row(y0 + y, x0 - lag, regionWidth, background, noise);
			int offset = (y0 + y) * image.width() + x0 - lag;
			for (int x = 0; x < regionWidth; x++) {
				float value = (image.pixels()[offset + x] - background[x]) / noise[x];
				z[y * regionWidth + x] = (Math.abs(value) < MatchedFilter.CLIP) ? value : Float.NaN;
			}
		}
		int[][] invalid = new int[regionHeight][];
		int[][] invalidBefore = new int[regionHeight][regionWidth + 1];
		for (int y = 0; y < regionHeight; y++) {
			int[] list = new int[regionWidth];
			int n = 0;
			for (int x = 0; x < regionWidth; x++) {
				int k = y * regionWidth + x;
				boolean blank = Float.isNaN(z[k]);
				z[k] = blank ? 0 : z[k];
				invalidBefore[y][x + 1] = invalidBefore[y][x] + (blank ? 1 : 0);
				if (blank) {
					list[n++] = x;
				}
			}
			invalid[y] = Arrays.copyOf(list, n);
		}
		int width = 2 * lag + 1;
		for (int dy = 0; dy <= lag; dy++) {
			for (int dx = -lag; dx <= lag; dx++) {
				double sum = 0;
				long count = 0;
				for (int y = 0; y < tile; y++) {
					int row = y * regionWidth + lag;
					int other = (y + dy) * regionWidth + lag + dx;
					sum += dot(z, row, z, other, tile);
					count += validPairs(invalid, invalidBefore, y, y + dy, lag, lag + dx, tile);
				}
				sums[(dy + lag) * width + dx + lag] = sum;
				counts[(dy + lag) * width + dx + lag] = count;
			}
		}
		int[] centres = new int[((tile + 2) / 3) * ((tile + 2) / 3)];
		int n = 0;
		for (int y = 0; y < tile; y += 3) {
			for (int x = 0; x < tile; x += 3) {
				centres[n++] = (y0 + y) * image.width() + x0 + x;
			}
		}
		return centres;
	}

}
