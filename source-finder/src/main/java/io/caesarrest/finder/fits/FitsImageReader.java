package io.caesarrest.finder.fits;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.caesarrest.finder.wcs.WorldCoordinates;
import nom.tam.fits.Header;
import nom.tam.util.FitsFile;

/**
 * Reads the first image HDU of a FITS file into a {@link FitsImage}, streaming rows into
 * a flat float array.
 */
public final class FitsImageReader {

	private static final String SIGNATURE = "SIMPLE  =";

	/**
	 * Reads the first image HDU with data.
	 * @param path the FITS file
	 * @return the image
	 * @throws UnsupportedImageException if the file is unreadable, has no image or is a
	 * cube
	 */
	public FitsImage read(Path path) {
		if (!Files.isRegularFile(path)) {
			throw new UnsupportedImageException("input file not found: " + path);
		}
		requireFitsSignature(path);
		try (FitsFile file = new FitsFile(path.toFile(), "r")) {
			return readFirstImage(file, path);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof UnsupportedImageException unsupported) {
				throw unsupported;
			}
			throw new UnsupportedImageException("cannot read FITS file " + path.getFileName() + ": " + ex.getMessage(),
					ex);
		}
	}

	private static void requireFitsSignature(Path path) {
		byte[] start = new byte[SIGNATURE.length()];
		int read;
		try (InputStream in = Files.newInputStream(path)) {
			read = in.readNBytes(start, 0, start.length);
		}
		catch (IOException ex) {
			throw new UnsupportedImageException("cannot read " + path.getFileName() + ": " + ex.getMessage(), ex);
		}
		if (read < start.length || !SIGNATURE.equals(new String(start, StandardCharsets.US_ASCII))) {
			throw new UnsupportedImageException(path.getFileName() + " is not a FITS file (no SIMPLE card)");
		}
	}

	private FitsImage readFirstImage(FitsFile file, Path path) throws IOException {
		String name = path.getFileName().toString();
		while (file.getFilePointer() < file.length()) {
			Header header;
			try {
				header = Header.readHeader(file);
			}
			catch (EOFException ex) {
				break;
			}
			if (header == null) {
				break;
			}
			long dataStart = file.getFilePointer();
			if (isImageWithData(header)) {
				return readImage(file, header, path);
			}
			file.seek(dataStart + header.getDataSize());
		}
		throw new UnsupportedImageException("no image HDU with data in " + name);
	}

	private boolean isImageWithData(Header header) {
		boolean primary = header.containsKey("SIMPLE");
		String xtension = header.getStringValue("XTENSION", "").trim();
		boolean image = primary || "IMAGE".equalsIgnoreCase(xtension);
		return image && header.getIntValue("NAXIS", 0) >= 2 && header.getDataSize() > 0;
	}

	private FitsImage readImage(FitsFile file, Header header, Path path) throws IOException {
		String name = path.getFileName().toString();
		int naxis = header.getIntValue("NAXIS", 0);
		for (int axis = 3; axis <= naxis; axis++) {
			int size = header.getIntValue("NAXIS" + axis, 1);
			if (size > 1) {
				throw new UnsupportedImageException("unsupported cube: axis " + axis + " of " + name + " has " + size
						+ " planes; only 2-D images or degenerate extra axes are supported");
			}
		}
		int width = header.getIntValue("NAXIS1");
		int height = header.getIntValue("NAXIS2");
		if ((long) width * height > Integer.MAX_VALUE - 8) {
			throw new UnsupportedImageException(
					"image " + name + " has " + width + "x" + height + " pixels, more than one array can hold");
		}
		float[] pixels;
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			pixels = new PixelDecoder(header).decode(channel, file.getFilePointer(), width, height);
		}
		String unit = header.getStringValue("BUNIT", "").trim();
		return new FitsImage(name, width, height, pixels, unit, beam(header), WorldCoordinates.fromHeader(header));
	}

	private Beam beam(Header header) {
		double bmaj = header.getDoubleValue("BMAJ", 0);
		double bmin = header.getDoubleValue("BMIN", bmaj);
		if (!(bmaj > 0) || !(bmin > 0)) {
			return null;
		}
		return new Beam(bmaj, bmin, header.getDoubleValue("BPA", 0));
	}

}
