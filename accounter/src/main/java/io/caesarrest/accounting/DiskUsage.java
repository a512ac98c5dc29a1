package io.caesarrest.accounting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Sizes of directory trees, tolerant of files that appear or vanish while a job runs.
 */
final class DiskUsage {

	private static final double KIB = 1024.0;

	private DiskUsage() {
	}

	/**
	 * The summed size of the regular files under {@code dir}, in KiB; 0 if it does not
	 * exist. Symbolic links are not followed.
	 * @param dir the top of the tree
	 * @return the size in KiB
	 */
	static double kib(Path dir) {
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		SizeVisitor visitor = new SizeVisitor();
		try {
			Files.walkFileTree(dir, visitor);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot measure " + dir, ex);
		}
		return visitor.bytes / KIB;
	}

	private static final class SizeVisitor extends SimpleFileVisitor<Path> {

		private long bytes;

		@Override
		public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
			if (attributes.isRegularFile()) {
				this.bytes += attributes.size();
			}
			return FileVisitResult.CONTINUE;
		}

		@Override
		public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
			if (ex instanceof NoSuchFileException) {
				return FileVisitResult.CONTINUE;
			}
			throw ex;
		}

	}

}
