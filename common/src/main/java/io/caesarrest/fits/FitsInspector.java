package io.caesarrest.fits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsInputStream;

/**
 * Reads only the primary header of a file to check that it is FITS and summarise it.
 */
public final class FitsInspector {

	private static final byte[] SIMPLE = "SIMPLE  =".getBytes(StandardCharsets.US_ASCII);

	private FitsInspector() {
	}

	/**
	 * Checks that {@code file} starts with a valid FITS primary header.
	 * @param file the file
	 * @return its summary
	 * @throws NotFitsException if it is not FITS
	 */
	public static FitsSummary inspect(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] start = in.readNBytes(SIMPLE.length);
			if (!java.util.Arrays.equals(start, SIMPLE)) {
				throw new NotFitsException("File content is not FITS (no SIMPLE keyword at the start)");
			}
		}
		catch (IOException ex) {
			throw new NotFitsException("Cannot read file: " + ex.getMessage(), ex);
		}
		try (FitsInputStream in = new FitsInputStream(Files.newInputStream(file))) {
			Header header = Header.readHeader(in);
			if (!header.getBooleanValue("SIMPLE", false)) {
				throw new NotFitsException("FITS header says SIMPLE = F");
			}
			return summarise(header);
		}
		catch (FitsException | IOException ex) {
			throw new NotFitsException("Invalid FITS header: " + ex.getMessage(), ex);
		}
	}

	private static FitsSummary summarise(Header header) {
		int naxis = header.getIntValue("NAXIS", 0);
		List<Integer> axes = new ArrayList<>();
		List<String> ctype = new ArrayList<>();
		for (int i = 1; i <= naxis; i++) {
			axes.add(header.getIntValue("NAXIS" + i, 0));
			ctype.add(header.getStringValue("CTYPE" + i));
		}
		return new FitsSummary(header.getIntValue("BITPIX", 0), axes, header.getStringValue("BUNIT"),
				doubleOrNull(header, "BMAJ"), doubleOrNull(header, "BMIN"), ctype, header.getStringValue("OBJECT"));
	}

	private static Double doubleOrNull(Header header, String key) {
		return header.containsKey(key) ? header.getDoubleValue(key) : null;
	}

}
