package io.caesarrest.api.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.caesarrest.finder.wcs.WorldCoordinates;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsFile;
import org.jspecify.annotations.Nullable;

/**
 * Reads the celestial coordinates of a FITS image from its headers only.
 */
final class ImageHeaders {

	private ImageHeaders() {
	}

	/**
	 * The WCS of the first image HDU with two or more axes.
	 * @param path the FITS file
	 * @return its celestial coordinates, or null if the file is gone, is not FITS, or has
	 * none that are supported
	 */
	static @Nullable WorldCoordinates celestial(Path path) {
		if (!Files.isRegularFile(path)) {
			return null;
		}
		try (FitsFile file = new FitsFile(path.toFile(), "r")) {
			while (file.getFilePointer() < file.length()) {
				Header header = Header.readHeader(file);
				if (header == null) {
					return null;
				}
				long dataStart = file.getFilePointer();
				boolean image = header.containsKey("SIMPLE")
						|| "IMAGE".equalsIgnoreCase(header.getStringValue("XTENSION", "").trim());
				if (image && header.getIntValue("NAXIS", 0) >= 2) {
					return WorldCoordinates.fromHeader(header);
				}
				file.seek(dataStart + header.getDataSize());
			}
			return null;
		}
		catch (IOException | FitsException ex) {
			// a cut or odd header: the page then shows the sources north up
			return null;
		}
	}

}
