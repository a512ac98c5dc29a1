package io.caesarrest.finder.output;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Encodes an 8-bit palette image as PNG, every row unfiltered and the zlib stream stored
 * without compression. The plot of a radio image is mostly noise, which deflate shrinks
 * by under 20 %, so ImageIO's writer spent its time choosing a filter for each row (by
 * filtering it several ways) for data it then stored as it was.
 */
final class PngEncoder {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final int BIT_DEPTH = 8;

	private static final int PALETTE_COLOUR = 3;

	private static final byte FILTER_NONE = 0;

	private PngEncoder() {
	}

	/**
	 * Writes the image.
	 * @param pixels palette indices, row-major, top row first
	 * @param width the width
	 * @param height the height
	 * @param palette the colours, {@code {r, g, b}} bytes per palette entry
	 * @param out the stream written to (not closed)
	 * @throws IOException if writing fails
	 */
	static void write(byte[] pixels, int width, int height, byte[] palette, OutputStream out) throws IOException {
		DataOutputStream data = new DataOutputStream(out);
		data.write(SIGNATURE);
		ByteArrayOutputStream header = new ByteArrayOutputStream(13);
		DataOutputStream fields = new DataOutputStream(header);
		fields.writeInt(width);
		fields.writeInt(height);
		fields.write(new byte[] { BIT_DEPTH, PALETTE_COLOUR, 0, 0, 0 });
		chunk(data, "IHDR", header.toByteArray());
		chunk(data, "PLTE", palette);
		chunk(data, "IDAT", stored(pixels, width, height));
		chunk(data, "IEND", new byte[0]);
		data.flush();
	}

	private static byte[] stored(byte[] pixels, int width, int height) throws IOException {
		ByteArrayOutputStream zlib = new ByteArrayOutputStream((width + 1) * height + height / 64 * 5 + 64);
		Deflater deflater = new Deflater(Deflater.NO_COMPRESSION);
		try (DeflaterOutputStream out = new DeflaterOutputStream(zlib, deflater, 1 << 16)) {
			for (int y = 0; y < height; y++) {
				out.write(FILTER_NONE);
				out.write(pixels, y * width, width);
			}
		}
		finally {
			deflater.end();
		}
		return zlib.toByteArray();
	}

	private static void chunk(DataOutputStream out, String type, byte[] content) throws IOException {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(content);
		out.writeInt(content.length);
		out.write(name);
		out.write(content);
		out.writeInt((int) crc.getValue());
	}

}
