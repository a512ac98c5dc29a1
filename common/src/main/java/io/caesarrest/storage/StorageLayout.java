package io.caesarrest.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The on-disk layout: {@code <datadir>/<owner>/<uuid>.<ext>} for uploads and
 * {@code <jobdir>/<owner>/job_<id>/} for jobs. Names on disk never come from the client.
 */
public final class StorageLayout {

	private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

	private final Path home;

	private final Path datadir;

	private final Path jobdir;

	public StorageLayout(Path home, Path datadir, Path jobdir) {
		this.home = home.toAbsolutePath().normalize();
		this.datadir = datadir.toAbsolutePath().normalize();
		this.jobdir = jobdir.toAbsolutePath().normalize();
	}

	public Path home() {
		return this.home;
	}

	public Path datadir() {
		return this.datadir;
	}

	public Path jobdir() {
		return this.jobdir;
	}

	/** Staging area for uploads in progress, on the same file system as the data dir. */
	public Path uploadStaging() {
		return createDirectories(this.datadir.resolve(".staging"));
	}

	public Path userDataDir(String owner) {
		return this.datadir.resolve(safeName(owner));
	}

	public Path dataFile(String owner, String fileId, String extension) {
		return userDataDir(owner).resolve(checkId(fileId) + (extension.isEmpty() ? "" : "." + extension));
	}

	public Path userJobDir(String owner) {
		return this.jobdir.resolve(safeName(owner));
	}

	public Path jobDir(String owner, String jobId) {
		return userJobDir(owner).resolve("job_" + checkId(jobId));
	}

	/**
	 * Turns an identity (e.g. an e-mail address) into a directory name made of letters,
	 * digits, underscore and dash. Letters, digits and dashes are kept; every other
	 * character becomes {@code _} and the hex digits of its UTF-8 bytes
	 * ({@code alice@example.org} → {@code alice_40example_2eorg}), so two identities
	 * never share a directory.
	 * @param owner the identity
	 * @return a safe name, never empty
	 */
	public static String safeName(String owner) {
		if (owner.isEmpty()) {
			return "_0";
		}
		StringBuilder name = new StringBuilder(owner.length());
		for (byte b : owner.getBytes(StandardCharsets.UTF_8)) {
			if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-') {
				name.append((char) b);
			}
			else {
				name.append('_').append(HexFormat.of().toHexDigits(b));
			}
		}
		return name.toString();
	}

	public static Path createDirectories(Path dir) {
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create directory " + dir, ex);
		}
	}

	private static String checkId(String id) {
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("Not an id: " + id);
		}
		return id;
	}

}
