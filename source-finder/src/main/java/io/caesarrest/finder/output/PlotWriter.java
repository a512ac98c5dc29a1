package io.caesarrest.finder.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.catalog.CatalogSource;
import io.caesarrest.finder.catalog.SourceFlags;
import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Writes a PNG of the image (block-averaged to at most 1200 pixels a side, asinh stretch)
 * with the component ellipses drawn on top.
 */
final class PlotWriter {

	private static final int MAX_SIDE = 1200;

	/**
	 * Grey levels 0 to {@value #GREYS} - 1, then red and yellow for the ellipses: one
	 * byte a pixel, a third of the data of an RGB image.
	 */
	private static final int GREYS = 254;

	private static final int RED = GREYS;

	private static final int YELLOW = GREYS + 1;

	private static final byte[] PALETTE = palette();

	/**
	 * Bins the image down to the preview size, in parallel; done before the writers
	 * start, since it is the largest part of the plot's work.
	 * @param image the image
	 * @param executor the executor
	 * @return the preview
	 */
	static Preview preview(FitsImage image, ParallelExecutor executor) {
		int factor = Math.max(1, (Math.max(image.width(), image.height()) + MAX_SIDE - 1) / MAX_SIDE);
		int w = (image.width() + factor - 1) / factor;
		int h = (image.height() + factor - 1) / factor;
		return new Preview(new ImageBinner(image, factor).bin(w, h, executor), w, h, factor);
	}

	void write(Catalog catalog, FitsImage image, Preview preview, Path path) throws IOException {
		int factor = preview.factor();
		int w = preview.width();
		int h = preview.height();
		float[] binned = preview.means();
		byte[] raster = new byte[w * h];
		AsinhStretch stretch = new AsinhStretch(catalog.metadata().medianBackground(), catalog.metadata().medianNoise(),
				max(binned));
		for (int y = 0; y < h; y++) {
			int row = (h - 1 - y) * w;
			for (int x = 0; x < w; x++) {
				raster[row + x] = (byte) stretch.grey(binned[y * w + x]);
			}
		}
		drawComponents(raster, w, h, catalog, image, factor);
		try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
			PngEncoder.write(raster, w, h, PALETTE, file);
		}
	}

	/**
	 * Outlines each component's ellipse straight into the palette raster: a point every
	 * half pixel along the outline, which is much cheaper than rasterising thousands of
	 * rotated shapes through Java2D.
	 */
	private void drawComponents(byte[] raster, int w, int h, Catalog catalog, FitsImage image, int factor) {
		double sizeToPixels = "arcsec".equals(catalog.metadata().sizeUnit())
				? 1.0 / catalog.metadata().pixelScaleArcsec() : 1.0;
		for (CatalogSource source : catalog.sources()) {
			for (CatalogComponent c : source.components()) {
				boolean failed = (c.flags() & SourceFlags.FIT_FAILED) != 0;
				byte colour = (byte) (failed ? YELLOW : RED);
				double yAxisPa = (image.wcs() != null) ? image.wcs().yAxisPositionAngleDeg(c.x(), c.y()) : 0;
				double angle = -Math.toRadians(c.pa() - yAxisPa + 90);
				double a = Math.max(2, c.bmaj() * sizeToPixels / factor) / 2;
				double b = Math.max(2, c.bmin() * sizeToPixels / factor) / 2;
				double cx = (c.x() + 0.5) / factor;
				double cy = h - (c.y() + 0.5) / factor;
				double cos = Math.cos(angle);
				double sin = Math.sin(angle);
				int steps = (int) Math.ceil(4 * Math.PI * a) + 8;
				for (int i = 0; i < steps; i++) {
					double t = 2 * Math.PI * i / steps;
					double u = a * Math.cos(t);
					double v = b * Math.sin(t);
					int x = (int) Math.floor(cx + u * cos - v * sin);
					int y = (int) Math.floor(cy + u * sin + v * cos);
					if (x >= 0 && y >= 0 && x < w && y < h) {
						raster[y * w + x] = colour;
					}
				}
			}
		}
	}

	/**
	 * The image binned down by {@code factor} for the plot.
	 *
	 * @param means block means, row-major
	 * @param width preview width
	 * @param height preview height
	 * @param factor the block side in image pixels
	 */
	record Preview(float[] means, int width, int height, int factor) {

	}

	/**
	 * Returns the palette as {r, g, b} bytes per entry.
	 */
	private static byte[] palette() {
		byte[] rgb = new byte[3 * (GREYS + 2)];
		for (int i = 0; i < GREYS; i++) {
			byte level = (byte) Math.round(i * 255.0 / (GREYS - 1));
			rgb[3 * i] = level;
			rgb[3 * i + 1] = level;
			rgb[3 * i + 2] = level;
		}
		rgb[3 * RED] = (byte) 255;
		rgb[3 * YELLOW] = (byte) 255;
		rgb[3 * YELLOW + 1] = (byte) 255;
		return rgb;
	}

	private static double asinh(double x) {
		return Math.log(x + Math.sqrt(x * x + 1));
	}

	private static float max(float[] values) {
		float max = Float.NEGATIVE_INFINITY;
		for (float v : values) {
			if (v > max) {
				max = v;
			}
		}
		return max;
	}

	/**
	 * Maps values to grey palette indices with an asinh stretch starting two sigma below
	 * the background, through a lookup table over the value range.
	 */
	private static final class AsinhStretch {

		private static final int LEVELS = 4096;

		private final double low;

		private final double scale;

		private final int[] table = new int[LEVELS];

		AsinhStretch(double background, double noise, double max) {
			this.low = background - 2 * noise;
			double beta = 3 * noise;
			double range = Math.max(beta, max - this.low);
			this.scale = (LEVELS - 1) / range;
			double top = asinh(range / beta);
			for (int i = 0; i < LEVELS; i++) {
				this.table[i] = (int) Math.round((GREYS - 1) * asinh(i / this.scale / beta) / top);
			}
		}

		int grey(float value) {
			if (Float.isNaN(value)) {
				return 0;
			}
			int index = (int) ((value - this.low) * this.scale);
			return this.table[Math.max(0, Math.min(LEVELS - 1, index))];
		}

	}

}
