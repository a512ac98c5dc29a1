package io.caesarrest.api.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import io.caesarrest.api.error.ApiException;
import io.caesarrest.fits.FitsInspector;
import io.caesarrest.fits.FitsSummary;
import io.caesarrest.fits.NotFitsException;

import org.springframework.http.HttpStatus;

/**
 * Checks that a received file's content matches its extension.
 */
final class FileContent {

	private static final Map<String, byte[]> SIGNATURES = Map.of("png",
			new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }, "jpg",
			new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff }, "jpeg",
			new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff }, "gif", new byte[] { 'G', 'I', 'F', '8' });

	private FileContent() {
	}

	/**
	 * Checks the content of a staged file.
	 * @param file the file
	 * @param format its extension
	 * @return the FITS summary for FITS files, else null
	 */
	static FitsSummary check(Path file, String format) {
		if ("fits".equals(format)) {
			try {
				return FitsInspector.inspect(file);
			}
			catch (NotFitsException ex) {
				throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						"File is not a valid FITS file: " + ex.getMessage());
			}
		}
		byte[] signature = SIGNATURES.get(format);
		if (signature != null && !startsWith(file, signature)) {
			throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "File content is not " + format.toUpperCase());
		}
		return null;
	}

	private static boolean startsWith(Path file, byte[] signature) {
		try (InputStream in = Files.newInputStream(file)) {
			return Arrays.equals(in.readNBytes(signature.length), signature);
		}
		catch (IOException ex) {
			return false;
		}
	}

}
