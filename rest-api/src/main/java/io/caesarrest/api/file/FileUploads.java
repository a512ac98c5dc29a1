package io.caesarrest.api.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

import io.caesarrest.api.error.ApiException;
import io.caesarrest.api.quota.Quotas;
import io.caesarrest.file.DataFile;
import io.caesarrest.file.DataFileRepository;
import io.caesarrest.fits.FitsSummary;
import io.caesarrest.job.JobMetrics;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.StorageLayout;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Receives uploads by streaming the multipart body straight to a staging file (no
 * buffering in memory, one disk write), checks it, and only then moves it into place and
 * records it.
 */
@Component
class FileUploads {

	private static final Logger log = LoggerFactory.getLogger(FileUploads.class);

	private static final int MAX_TAG_BYTES = 4096;

	/** Room for the multipart framing around the file in a request's length. */
	private static final long MULTIPART_SLACK = 1024 * 1024;

	private final StorageLayout layout;

	private final DataFileRepository files;

	private final UploadProperties properties;

	private final JobMetrics metrics;

	private final Quotas quotas;

	private final Clock clock = Clock.systemUTC();

	FileUploads(StorageLayout layout, DataFileRepository files, UploadProperties properties, JobMetrics metrics,
			Quotas quotas) {
		this.layout = layout;
		this.files = files;
		this.properties = properties;
		this.metrics = metrics;
		this.quotas = quotas;
	}

	DataFile receive(HttpServletRequest request, String owner) {
		if (!JakartaServletFileUpload.isMultipartContent(request)) {
			throw ApiException.badRequest("Upload must be a multipart/form-data POST with a 'file' field");
		}
		long max = this.properties.maxSize().toBytes();
		long allowance = this.quotas.uploadAllowance(owner);
		if (request.getContentLengthLong() - MULTIPART_SLACK > max) {
			throw tooLarge();
		}
		if (request.getContentLengthLong() - MULTIPART_SLACK > allowance) {
			throw this.quotas.storageExceeded(owner);
		}
		Supplier<RuntimeException> overLimit = (allowance < max) ? () -> this.quotas.storageExceeded(owner)
				: this::tooLarge;
		Received received = new Received();
		try {
			parse(request, received, Math.min(max, allowance), overLimit);
			return store(received, owner);
		}
		finally {
			received.discard();
		}
	}

	private void parse(HttpServletRequest request, Received received, long max, Supplier<RuntimeException> overLimit) {
		try {
			JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
			upload.setMaxFileCount(16);
			FileItemInputIterator items = upload.getItemIterator(request);
			while (items.hasNext()) {
				FileItemInput item = items.next();
				if (item.isFormField() && "tag".equals(item.getFieldName())) {
					received.tag = readTag(item);
				}
				else if (!item.isFormField() && "file".equals(item.getFieldName())) {
					if (received.staged != null) {
						throw ApiException.badRequest("Only one file per upload");
					}
					received.name = FileNames.check(item.getName());
					received.format = FileNames.extension(received.name, this.properties.allowedExtensions());
					// created with the umask's permissions (not createTempFile's
					// owner-only ones): jobs may run as
					// another user of the same group, e.g. on a cluster
					received.staged = Files
						.createFile(this.layout.uploadStaging().resolve("upload-" + Ids.newId() + ".part"));
					copy(item, received, max, overLimit);
				}
			}
		}
		catch (FileUploadException ex) {
			throw ApiException.badRequest("Malformed multipart request: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw ApiException.badRequest("Upload interrupted: " + ex.getMessage());
		}
	}

	private void copy(FileItemInput item, Received received, long max, Supplier<RuntimeException> overLimit)
			throws IOException {
		MessageDigest digest = sha256();
		byte[] buffer = new byte[256 * 1024];
		long size = 0;
		try (InputStream in = item.getInputStream(); OutputStream out = Files.newOutputStream(received.staged)) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				size += n;
				if (size > max) {
					throw overLimit.get();
				}
				digest.update(buffer, 0, n);
				out.write(buffer, 0, n);
			}
		}
		received.size = size;
		received.sha256 = HexFormat.of().formatHex(digest.digest());
	}

	private DataFile store(Received received, String owner) {
		if (received.staged == null) {
			throw ApiException.badRequest("No file field in request! Send the file as multipart field 'file'");
		}
		if (received.size == 0) {
			throw ApiException.badRequest("Empty file!");
		}
		FitsSummary fits = FileContent.check(received.staged, received.format);
		String id = Ids.newId();
		Path target = this.layout.dataFile(owner, id, received.format);
		try {
			StorageLayout.createDirectories(target.getParent());
			Files.move(received.staged, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "Failed to store the uploaded file");
		}
		DataFile file = new DataFile(id, owner, received.name, received.format, received.size, received.sha256,
				target.toString(), this.clock.instant(), received.tag, fits);
		try {
			DataFile stored = this.files.insert(file);
			this.metrics.uploaded(stored.size());
			MDC.put("file_id", id);
			log.info("File {} uploaded ({} bytes)", id, stored.size());
			return stored;
		}
		catch (RuntimeException ex) {
			deleteQuietly(target);
			throw ex;
		}
	}

	private static String readTag(FileItemInput item) throws IOException {
		try (InputStream in = item.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_TAG_BYTES + 1);
			if (bytes.length > MAX_TAG_BYTES) {
				throw ApiException.badRequest("Tag too long (max " + MAX_TAG_BYTES + " bytes)");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	private ApiException tooLarge() {
		return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
				"File too large: the limit is " + this.properties.maxSize().toBytes() + " bytes");
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", path, ex.toString());
		}
	}

	private static final class Received {

		private Path staged;

		private String name;

		private String format;

		private long size;

		private String sha256;

		private String tag = "";

		void discard() {
			if (this.staged != null && Files.exists(this.staged)) {
				deleteQuietly(this.staged);
			}
		}

	}

}
