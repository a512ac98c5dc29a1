package io.caesarrest.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Minimal FITS files for tests: a valid primary header and data of a chosen size.
 */
public final class TestFits {

	private TestFits() {
	}

	/**
	 * A primary header for a 1-D byte image of {@code n} pixels, padded to 2880 bytes.
	 */
	public static byte[] header(long n) {
		StringBuilder header = new StringBuilder();
		card(header, "SIMPLE  =                    T");
		card(header, "BITPIX  =                    8");
		card(header, "NAXIS   =                    1");
		card(header, String.format("NAXIS1  = %20d", n));
		card(header, "END");
		while (header.length() % 2880 != 0) {
			header.append(' ');
		}
		return header.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/** Writes a FITS file with {@code n} random data bytes. */
	public static Path write(Path file, long n, long seed) throws IOException {
		Random random = new Random(seed);
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(header(n));
			for (long left = n; left > 0; left -= buffer.length) {
				random.nextBytes(buffer);
				out.write(buffer, 0, (int) Math.min(left, buffer.length));
			}
		}
		return file;
	}

	public static Path sharedData(String name) {
		return Path.of(System.getProperty("caesar.shared-data", "../../shared/data")).resolve(name);
	}

	private static void card(StringBuilder header, String text) {
		header.append(String.format("%-80s", text));
	}

}
