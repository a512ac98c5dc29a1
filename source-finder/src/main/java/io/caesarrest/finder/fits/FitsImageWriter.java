package io.caesarrest.finder.fits;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsOutputStream;

/**
 * Writes a flat float array as a BITPIX -32 primary image, streaming rows without copying
 * the image into a 2-D array.
 */
public final class FitsImageWriter {

	private static final int BLOCK = 2880;

	/**
	 * Writes an image.
	 * @param path the output file
	 * @param width the number of columns
	 * @param height the number of rows
	 * @param pixels the row-major pixels
	 * @param cards extra header cards in insertion order (values: String, Number or
	 * Boolean)
	 */
	public void write(Path path, int width, int height, float[] pixels, Map<String, Object> cards) {
		try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
				FitsOutputStream out = new FitsOutputStream(file)) {
			header(width, height, cards).write(out);
			out.write(pixels, 0, pixels.length);
			long bytes = 4L * pixels.length;
			int padding = (int) ((BLOCK - bytes % BLOCK) % BLOCK);
			out.write(new byte[padding]);
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (FitsException ex) {
			throw new IllegalStateException("cannot write FITS header: " + ex.getMessage(), ex);
		}
	}

	private Header header(int width, int height, Map<String, Object> cards) throws FitsException {
		Header header = new Header();
		header.addValue("SIMPLE", true, "conforms to FITS standard");
		header.addValue("BITPIX", -32, "IEEE single precision");
		header.addValue("NAXIS", 2, "number of axes");
		header.addValue("NAXIS1", width, "columns");
		header.addValue("NAXIS2", height, "rows");
		for (Map.Entry<String, Object> card : cards.entrySet()) {
			Object value = card.getValue();
			if (value instanceof Number number) {
				header.addValue(card.getKey(), number, "");
			}
			else if (value instanceof Boolean flag) {
				header.addValue(card.getKey(), flag, "");
			}
			else {
				header.addValue(card.getKey(), String.valueOf(value), "");
			}
		}
		return header;
	}

}
