package io.caesarrest.finder.background;

import java.util.Arrays;

/**
 * Background and noise on a coarse grid of node centres, bilinearly interpolated to any
 * pixel on demand so that full-resolution maps never need to be stored.
 */
public final class BackgroundMap {

	private final int nodesX;

	private final int nodesY;

	private final double stepX;

	private final double stepY;

	private final float[] background;

	private final float[] noise;

	private final int[] columnNode;

	private final float[] columnWeight;

	/**
	 * First column whose left interpolation node is at least i; {@code nodesX} entries +
	 * 1.
	 */
	private final int[] nodeStart;

	/**
	 * Creates a map from node values.
	 * @param nodesX nodes along x
	 * @param nodesY nodes along y
	 * @param stepX node spacing along x in pixels (node i centred at
	 * {@code (i + 0.5) * stepX - 0.5})
	 * @param stepY node spacing along y in pixels
	 * @param background node backgrounds, row-major
	 * @param noise node noise values, row-major
	 * @param width the image width, for the per-column interpolation tables
	 */
	public BackgroundMap(int nodesX, int nodesY, double stepX, double stepY, float[] background, float[] noise,
			int width) {
		this.nodesX = nodesX;
		this.nodesY = nodesY;
		this.stepX = stepX;
		this.stepY = stepY;
		this.background = background;
		this.noise = noise;
		this.columnNode = new int[width];
		this.columnWeight = new float[width];
		this.nodeStart = new int[nodesX + 1];
		Arrays.fill(this.nodeStart, width);
		for (int x = width - 1; x >= 0; x--) {
			double fx = cell(x, stepX, nodesX);
			this.columnNode[x] = (int) fx;
			this.columnWeight[x] = (float) (fx - (int) fx);
			this.nodeStart[this.columnNode[x]] = x;
		}
		for (int i = nodesX - 1; i >= 0; i--) {
			this.nodeStart[i] = Math.min(this.nodeStart[i], this.nodeStart[i + 1]);
		}
	}

	/**
	 * Computes the significance {@code (pixel - background) / noise} along part of a row,
	 * one stretch between two grid nodes at a time (a loop the JIT can vectorise); the
	 * inverse noise is interpolated instead of the noise, which spares a division per
	 * pixel and differs by well under a percent where the noise varies slowly.
	 * @param pixels the image pixels
	 * @param width the image width
	 * @param y the row
	 * @param x0 the first column
	 * @param count the number of columns
	 * @param out receives the significance values
	 * @param outOffset index in {@code out} of column {@code x0}
	 */
	public void significanceRow(float[] pixels, int width, int y, int x0, int count, float[] out, int outOffset) {
		int first = this.columnNode[x0];
		int last = Math.min(this.columnNode[x0 + count - 1] + 1, this.nodesX - 1);
		float[] rowBackground = rowNodes(this.background, y, first, last);
		float[] rowNoise = rowNodes(this.noise, y, first, last);
		int pixelOffset = y * width;
		int end = x0 + count;
		int x = x0;
		while (x < end) {
			int i = this.columnNode[x];
			int spanEnd = Math.min(end, this.nodeStart[i + 1]);
			int i1 = Math.min(i + 1, this.nodesX - 1);
			float b0 = rowBackground[i];
			float db = rowBackground[i1] - b0;
			float r0 = 1 / rowNoise[i];
			float dr = 1 / rowNoise[i1] - r0;
			int shift = outOffset - x0;
			int k = x;
			// four columns a step: worker JVMs run the client compiler, which does not
			// unroll loops
			for (; k + 3 < spanEnd; k += 4) {
				float w0 = this.columnWeight[k];
				float w1 = this.columnWeight[k + 1];
				float w2 = this.columnWeight[k + 2];
				float w3 = this.columnWeight[k + 3];
				out[shift + k] = (pixels[pixelOffset + k] - (b0 + db * w0)) * (r0 + dr * w0);
				out[shift + k + 1] = (pixels[pixelOffset + k + 1] - (b0 + db * w1)) * (r0 + dr * w1);
				out[shift + k + 2] = (pixels[pixelOffset + k + 2] - (b0 + db * w2)) * (r0 + dr * w2);
				out[shift + k + 3] = (pixels[pixelOffset + k + 3] - (b0 + db * w3)) * (r0 + dr * w3);
			}
			for (; k < spanEnd; k++) {
				float w = this.columnWeight[k];
				out[shift + k] = (pixels[pixelOffset + k] - (b0 + db * w)) * (r0 + dr * w);
			}
			x = spanEnd;
		}
	}

	private float[] rowNodes(float[] grid, int y, int first, int last) {
		double fy = cell(y, this.stepY, this.nodesY);
		int j0 = (int) fy;
		float ty = (float) (fy - j0);
		int j1 = Math.min(j0 + 1, this.nodesY - 1);
		float[] row = new float[this.nodesX];
		for (int i = first; i <= last; i++) {
			row[i] = lerp(grid[j0 * this.nodesX + i], grid[j1 * this.nodesX + i], ty);
		}
		return row;
	}

	/**
	 * Interpolates background and noise along part of a row.
	 * @param y the row
	 * @param x0 the first column
	 * @param count the number of columns
	 * @param backgroundOut receives background values from index 0
	 * @param noiseOut receives noise values from index 0
	 */
	public void row(int y, int x0, int count, float[] backgroundOut, float[] noiseOut) {
		int first = this.columnNode[x0];
		int last = Math.min(this.columnNode[x0 + count - 1] + 1, this.nodesX - 1);
		float[] rowBackground = rowNodes(this.background, y, first, last);
		float[] rowNoise = rowNodes(this.noise, y, first, last);
		for (int k = 0; k < count; k++) {
			int i0 = this.columnNode[x0 + k];
			int i1 = Math.min(i0 + 1, this.nodesX - 1);
			float tx = this.columnWeight[x0 + k];
			backgroundOut[k] = lerp(rowBackground[i0], rowBackground[i1], tx);
			noiseOut[k] = lerp(rowNoise[i0], rowNoise[i1], tx);
		}
	}

	private static float lerp(float a, float b, float t) {
		return a + (b - a) * t;
	}

	/**
	 * Returns the background at a pixel.
	 * @param x the column
	 * @param y the row
	 * @return the interpolated background
	 */
	public double background(double x, double y) {
		return at(this.background, x, y);
	}

	/**
	 * Returns the noise at a pixel.
	 * @param x the column
	 * @param y the row
	 * @return the interpolated noise standard deviation
	 */
	public double noise(double x, double y) {
		return at(this.noise, x, y);
	}

	/**
	 * Returns the median of the node noise values.
	 * @return the median noise
	 */
	public double medianNoise() {
		return RobustStatistics.median(this.noise.clone(), this.noise.length);
	}

	/**
	 * Returns the median of the node background values.
	 * @return the median background
	 */
	public double medianBackground() {
		return RobustStatistics.median(this.background.clone(), this.background.length);
	}

	private double at(float[] grid, double x, double y) {
		double fx = cell(x, this.stepX, this.nodesX);
		double fy = cell(y, this.stepY, this.nodesY);
		int i0 = (int) fx;
		int j0 = (int) fy;
		return interpolate(grid, i0, Math.min(i0 + 1, this.nodesX - 1), j0, Math.min(j0 + 1, this.nodesY - 1), fx - i0,
				fy - j0);
	}

	private static double cell(double pixel, double step, int nodes) {
		double f = (pixel + 0.5) / step - 0.5;
		return Math.max(0, Math.min(f, nodes - 1));
	}

	private double interpolate(float[] grid, int i0, int i1, int j0, int j1, double tx, double ty) {
		double bottom = grid[j0 * this.nodesX + i0] * (1 - tx) + grid[j0 * this.nodesX + i1] * tx;
		double top = grid[j1 * this.nodesX + i0] * (1 - tx) + grid[j1 * this.nodesX + i1] * tx;
		return bottom * (1 - ty) + top * ty;
	}

}
