package io.caesarrest.api.file;

import java.util.List;
import java.util.Locale;

import io.caesarrest.api.error.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Checks the client's file name. It is kept for display only: stored files are named by
 * their uuid.
 */
final class FileNames {

	private static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	/** The name, if it is a plain base name. */
	static String check(String name) {
		if (name == null || name.isBlank()) {
			throw ApiException.badRequest("No file selected (empty file name)!");
		}
		if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
				|| name.chars().anyMatch((c) -> c < 0x20) || name.length() > MAX_LENGTH) {
			throw ApiException
				.badRequest("Invalid file name '" + printable(name) + "': give a plain file name without directories");
		}
		return name;
	}

	/** The extension, lower case, if allowed. */
	static String extension(String name, List<String> allowed) {
		int dot = name.lastIndexOf('.');
		String extension = (dot >= 0) ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
		if (!allowed.contains(extension)) {
			throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"File format not allowed, allowed file types are: {" + String.join("|", allowed) + "}");
		}
		return extension;
	}

	private static String printable(String name) {
		String shown = name.replaceAll("\\p{Cntrl}", "?");
		return (shown.length() > 80) ? shown.substring(0, 80) + "..." : shown;
	}

}
