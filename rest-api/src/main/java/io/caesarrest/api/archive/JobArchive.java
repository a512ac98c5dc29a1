package io.caesarrest.api.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Predicate;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a directory as a tar.gz stream, nothing staged on disk, so that a job's output
 * archive costs no extra disk space.
 */
public final class JobArchive {

	private JobArchive() {
	}

	/**
	 * Streams {@code dir} as a gzip-compressed tar whose entries start with
	 * {@code root/}.
	 * @param dir the directory
	 * @param root the archive's top folder name
	 * @param include which files (by path relative to {@code dir}) to include
	 * @param out where to write; not closed
	 * @throws IOException on read or write failure
	 */
	public static void write(Path dir, String root, Predicate<Path> include, OutputStream out) throws IOException {
		GzipParameters parameters = new GzipParameters();
		parameters.setCompressionLevel(1);
		GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(new NonClosing(out), parameters);
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
			Files.walkFileTree(dir, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
					tar.putArchiveEntry(entry(entryName(root, dir, d) + "/", attrs));
					tar.closeArchiveEntry();
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					if (attrs.isRegularFile() && include.test(dir.relativize(file))) {
						tar.putArchiveEntry(entry(entryName(root, dir, file), attrs));
						Files.copy(file, tar);
						tar.closeArchiveEntry();
					}
					return FileVisitResult.CONTINUE;
				}
			});
			tar.finish();
		}
	}

	/**
	 * An entry with the name, size and modification time only: entries made from files
	 * also carry creation and access times as PAX headers that GNU tar warns about.
	 */
	private static TarArchiveEntry entry(String name, BasicFileAttributes attrs) {
		TarArchiveEntry entry = new TarArchiveEntry(name);
		entry.setModTime(attrs.lastModifiedTime());
		if (!attrs.isDirectory()) {
			entry.setSize(attrs.size());
		}
		return entry;
	}

	private static String entryName(String root, Path dir, Path path) {
		String relative = dir.relativize(path).toString().replace('\\', '/');
		return relative.isEmpty() ? root : root + "/" + relative;
	}

	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
