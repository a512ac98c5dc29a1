package io.caesarrest.finder.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.catalog.CatalogSource;
import io.caesarrest.finder.catalog.SourceFlags;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Writes a PNG of the image (block-averaged to at most 1200 pixels a side, asinh stretch)
 * with the component ellipses drawn on top.
 */
final class PlotWriter {

	private static final int MAX_SIDE = 1200;

	void write(Catalog catalog, FitsImage image, Path path) throws IOException {
		System.setProperty("java.awt.headless", "true");
		int factor = Math.max(1, (Math.max(image.width(), image.height()) + MAX_SIDE - 1) / MAX_SIDE);
		int w = (image.width() + factor - 1) / factor;
		int h = (image.height() + factor - 1) / factor;
		float[] binned = new ImageBinner(image, factor).bin(w, h);
		BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		AsinhStretch stretch = new AsinhStretch(catalog.metadata().medianBackground(), catalog.metadata().medianNoise(),
				max(binned));
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int grey = stretch.grey(binned[y * w + x]);
				png.setRGB(x, h - 1 - y, (grey << 16) | (grey << 8) | grey);
			}
		}
		drawComponents(png, catalog, image, factor);
		ImageIO.write(png, "png", path.toFile());
	}

	private void drawComponents(BufferedImage png, Catalog catalog, FitsImage image, int factor) {
		Graphics2D g = png.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setStroke(new BasicStroke(1f));
		double sizeToPixels = "arcsec".equals(catalog.metadata().sizeUnit())
				? 1.0 / catalog.metadata().pixelScaleArcsec() : 1.0;
		for (CatalogSource source : catalog.sources()) {
			for (CatalogComponent c : source.components()) {
				boolean failed = (c.flags() & SourceFlags.FIT_FAILED) != 0;
				g.setColor(failed ? Color.YELLOW : Color.RED);
				double yAxisPa = (image.wcs() != null) ? image.wcs().yAxisPositionAngleDeg(c.x(), c.y()) : 0;
				double imagePa = c.pa() - yAxisPa;
				double major = Math.max(2, c.bmaj() * sizeToPixels / factor);
				double minor = Math.max(2, c.bmin() * sizeToPixels / factor);
				double cx = (c.x() + 0.5) / factor;
				double cy = png.getHeight() - (c.y() + 0.5) / factor;
				AffineTransform saved = g.getTransform();
				g.translate(cx, cy);
				g.rotate(-Math.toRadians(imagePa + 90));
				g.draw(new Ellipse2D.Double(-major / 2, -minor / 2, major, minor));
				g.setTransform(saved);
			}
		}
		g.dispose();
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
	 * Maps values to grey levels with an asinh stretch starting two sigma below the
	 * background.
	 */
	private record AsinhStretch(double background, double noise, double max) {

		int grey(float value) {
			if (Float.isNaN(value)) {
				return 0;
			}
			double low = this.background - 2 * this.noise;
			double beta = 3 * this.noise;
			double top = asinh(Math.max(beta, this.max - low) / beta);
			double v = asinh(Math.max(0, value - low) / beta) / top;
			return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
		}

	}

}
