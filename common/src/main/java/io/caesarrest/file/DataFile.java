package io.caesarrest.file;

import java.time.Instant;

import io.caesarrest.fits.FitsSummary;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * An uploaded file as stored in the {@code files} collection.
 *
 * @param id 32 hex digits, the public uuid
 * @param owner who uploaded it
 * @param originalName the client's file name (base name only, for display)
 * @param format the extension, lower case ({@code fits}, {@code png}...)
 * @param size size in bytes
 * @param sha256 hex SHA-256 of the content
 * @param path absolute path on disk (never shown to clients)
 * @param uploadDate when the upload completed
 * @param tag free text from the client
 * @param fits header summary for FITS files, else null
 */
@Document("files")
public record DataFile(@Id String id, String owner, @Field("filename_orig") String originalName, String format,
		long size, String sha256, String path, @Field("upload_date") Instant uploadDate, String tag, FitsSummary fits) {

	/** Size in MiB, as the original reports it. */
	public double sizeMiB() {
		return this.size / 1048576.0;
	}

}
