package io.caesarrest.finder.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

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

	/**
	 * PNG compression quality; 1 is no compression, 0 is the slow maximum (deflate level
	 * 9).
	 */
	private static final float FAST_COMPRESSION = 0.85f;

	void write(Catalog catalog, FitsImage image, Path path) throws IOException {
		System.setProperty("java.awt.headless", "true");
		int factor = Math.max(1, (Math.max(image.width(), image.height()) + MAX_SIDE - 1) / MAX_SIDE);
		int w = (image.width() + factor - 1) / factor;
		int h = (image.height() + factor - 1) / factor;
		float[] binned = new ImageBinner(image, factor).bin(w, h);
		BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
		byte[] raster = ((DataBufferByte) png.getRaster().getDataBuffer()).getData();
		AsinhStretch stretch = new AsinhStretch(catalog.metadata().medianBackground(), catalog.metadata().medianNoise(),
				max(binned));
		for (int y = 0; y < h; y++) {
			int row = 3 * (h - 1 - y) * w;
			for (int x = 0; x < w; x++) {
				byte grey = (byte) stretch.grey(binned[y * w + x]);
				raster[row + 3 * x] = grey;
				raster[row + 3 * x + 1] = grey;
				raster[row + 3 * x + 2] = grey;
			}
		}
		drawComponents(png, catalog, image, factor);
		encode(png, path);
	}

	private static void encode(BufferedImage png, Path path) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(FAST_COMPRESSION);
		try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(path))) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(png, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

	private void drawComponents(BufferedImage png, Catalog catalog, FitsImage image, int factor) {
		Graphics2D g = png.createGraphics();
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
	 * background, through a lookup table over the value range.
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
				this.table[i] = (int) Math.round(255 * asinh(i / this.scale / beta) / top);
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
