package io.caesarrest.finder.fits;

import java.io.IOException;

import nom.tam.fits.Header;
import nom.tam.util.ArrayDataInput;

/**
 * Decodes FITS pixel rows of any BITPIX into floats, applying BSCALE/BZERO and mapping
 * BLANK values to NaN.
 */
final class PixelDecoder {

	private final int bitpix;

	private final double scale;

	private final double zero;

	private final boolean hasBlank;

	private final long blank;

	PixelDecoder(Header header) {
		this.bitpix = header.getIntValue("BITPIX");
		this.scale = header.getDoubleValue("BSCALE", 1.0);
		this.zero = header.getDoubleValue("BZERO", 0.0);
		this.hasBlank = header.containsKey("BLANK");
		this.blank = header.getLongValue("BLANK", 0);
	}

	float[] decode(ArrayDataInput in, int width, int height) throws IOException {
		float[] pixels = new float[Math.multiplyExact(width, height)];
		Object row = rowBuffer(width);
		for (int y = 0; y < height; y++) {
			in.readArrayFully(row);
			convert(row, pixels, y * width, width);
		}
		return pixels;
	}

	private Object rowBuffer(int width) {
		return switch (this.bitpix) {
			case 8 -> new byte[width];
			case 16 -> new short[width];
			case 32 -> new int[width];
			case 64 -> new long[width];
			case -32 -> new float[width];
			case -64 -> new double[width];
			default -> throw new UnsupportedImageException("unsupported BITPIX " + this.bitpix);
		};
	}

	private void convert(Object row, float[] out, int offset, int width) {
		for (int x = 0; x < width; x++) {
			out[offset + x] = value(row, x);
		}
	}

	private float value(Object row, int x) {
		double raw;
		switch (this.bitpix) {
			case 8 -> raw = ((byte[]) row)[x] & 0xFF;
			case 16 -> raw = ((short[]) row)[x];
			case 32 -> raw = ((int[]) row)[x];
			case 64 -> raw = ((long[]) row)[x];
			case -32 -> raw = ((float[]) row)[x];
			default -> raw = ((double[]) row)[x];
		}
		if (this.bitpix > 0 && this.hasBlank && (long) raw == this.blank) {
			return Float.NaN;
		}
		return (float) (this.zero + this.scale * raw);
	}

}
