package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Keeps the JVM dir from growing with every build. The dir is shared by every service of
 * the user on the machine (by default {@code caesar-rest-jvms} in the temporary
 * directory), and each build of the service extracts its jar there (about 70 MB) for its
 * worker JVMs. A service registers as the user of its build's files (a file named by its
 * pid under {@code users/<build key>}), then deletes what no live process uses any more:
 * the class paths and class-data archives of other builds (no live registered service, no
 * live process whose command line names them), the pool dirs of services that ended (once
 * their workers removed their own dirs), and the work dirs an extraction or an archive
 * left when its service was killed. Registering and cleaning hold a lock on the dir, so
 * that a service starting with a build's files and another deleting them never overlap.
 */
final class JvmDirCleanup {

	private static final Log logger = LogFactory.getLog(JvmDirCleanup.class);

	static final String USERS = "users";

	private static final String LOCK = ".lock";

	private static final Pattern BUILD_FILE = Pattern.compile("(classpath-([0-9a-f]+))|(classes-([0-9a-f]+)\\.jsa)");

	private static final Pattern POOL = Pattern.compile("pool-(\\d+)-\\d+");

	private static final Pattern OLD_POOL = Pattern.compile("pool-\\d+");

	// an extraction or an archive takes seconds: one this old was abandoned
	static final Duration ABANDONED_WORK = Duration.ofHours(1);

	// pool dirs of builds before 2026-12-08 do not name their service
	static final Duration OLD_POOL_AGE = Duration.ofDays(1);

	// the file lock is per process: threads of one process take turns here first
	private static final Object IN_PROCESS = new Object();

	private JvmDirCleanup() {
	}

	/**
	 * The prefix of a pool dir made by this process, which names it.
	 * @return the prefix
	 */
	static String poolPrefix() {
		return "pool-" + ProcessHandle.current().pid() + "-";
	}

	/**
	 * Registers this process as the user of a build's files, then deletes what no live
	 * process uses in the dir.
	 * @param dir the JVM dir
	 * @param key the key of this process's build
	 * @return the entries deleted
	 * @throws IOException if the dir cannot be locked or written
	 */
	static List<String> registerAndClean(Path dir, String key) throws IOException {
		Files.createDirectories(dir);
		synchronized (IN_PROCESS) {
			try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				register(dir, key);
				List<String> deleted = clean(dir, key);
				if (!deleted.isEmpty()) {
					logger.info("JVM dir " + dir + ": deleted " + deleted.size()
							+ ((deleted.size() == 1) ? " entry" : " entries")
							+ " no running service uses (other builds' class paths, ended pools): " + deleted);
				}
				return deleted;
			}
		}
	}

	private static void register(Path dir, String key) throws IOException {
		Path users = Files.createDirectories(dir.resolve(USERS).resolve(key));
		ProcessHandle self = ProcessHandle.current();
		Files.writeString(users.resolve(Long.toString(self.pid())), startOf(self).map(Instant::toString).orElse(""),
				StandardCharsets.UTF_8);
		// the markers of this build's services that ended
		try (Stream<Path> markers = Files.list(users)) {
			for (Path marker : markers.toList()) {
				if (!alive(marker)) {
					Files.deleteIfExists(marker);
				}
			}
		}
	}

	private static List<String> clean(Path dir, String key) throws IOException {
		List<String> deleted = new ArrayList<>();
		// read once, and only if another build's files are there
		Supplier<List<String>> commandLines = SingletonSupplier.of(JvmDirCleanup::commandLines);
		List<Path> entries;
		try (Stream<Path> list = Files.list(dir)) {
			entries = list.toList();
		}
		Instant now = Instant.now();
		for (Path entry : entries) {
			String name = entry.getFileName().toString();
			Matcher build = BUILD_FILE.matcher(name);
			Matcher pool = POOL.matcher(name);
			boolean gone;
			if (build.matches()) {
				String other = (build.group(2) != null) ? build.group(2) : build.group(4);
				gone = !other.equals(key) && !usedBy(dir, other, commandLines)
						&& FileSystemUtils.deleteRecursively(entry);
			}
			else if (pool.matches()) {
				// only once its workers removed their dirs: a worker still running its
				// job
				// after its service was killed saves its exit code through its dir
				gone = !ProcessHandle.of(Long.parseLong(pool.group(1))).map(ProcessHandle::isAlive).orElse(false)
						&& deleteIfEmpty(entry);
			}
			else if (OLD_POOL.matcher(name).matches()) {
				gone = olderThan(entry, now, OLD_POOL_AGE) && deleteIfEmpty(entry);
			}
			else if (name.startsWith("extracting-") || name.startsWith("archiving-")) {
				gone = olderThan(entry, now, ABANDONED_WORK) && FileSystemUtils.deleteRecursively(entry);
			}
			else {
				gone = false;
			}
			if (gone) {
				deleted.add(name);
			}
		}
		cleanUsers(dir);
		return deleted;
	}

	// a build's files are used by a live service registered for them, or by any live
	// process naming them (a worker JVM still running a job of a service that was killed)
	private static boolean usedBy(Path dir, String key, Supplier<List<String>> commandLines) throws IOException {
		Path users = dir.resolve(USERS).resolve(key);
		if (Files.isDirectory(users)) {
			try (Stream<Path> markers = Files.list(users)) {
				if (markers.anyMatch(JvmDirCleanup::alive)) {
					return true;
				}
			}
		}
		return commandLines.get()
			.stream()
			.anyMatch((line) -> line.contains("classpath-" + key) || line.contains("classes-" + key + ".jsa"));
	}

	private static List<String> commandLines() {
		return ProcessHandle.allProcesses()
			.filter(ProcessHandle::isAlive)
			.map((process) -> process.info().commandLine().orElse(""))
			.filter((line) -> !line.isEmpty())
			.toList();
	}

	// the users' dirs of builds whose files are gone
	private static void cleanUsers(Path dir) throws IOException {
		Path users = dir.resolve(USERS);
		if (!Files.isDirectory(users)) {
			return;
		}
		try (Stream<Path> keys = Files.list(users)) {
			for (Path key : keys.toList()) {
				String name = key.getFileName().toString();
				if (!Files.exists(dir.resolve("classpath-" + name))
						&& !Files.exists(dir.resolve("classes-" + name + ".jsa")) && !usedBy(dir, name, List::of)) {
					FileSystemUtils.deleteRecursively(key);
				}
			}
		}
	}

	// a marker names a live process: the same pid, started at the same instant (a pid
	// can be reused)
	private static boolean alive(Path marker) {
		long pid;
		try {
			pid = Long.parseLong(marker.getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return false;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return false;
		}
		try {
			String started = Files.readString(marker, StandardCharsets.UTF_8).strip();
			Optional<Instant> start = startOf(process.get());
			return started.isEmpty() || start.isEmpty() || start.get().toString().equals(started);
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static Optional<Instant> startOf(ProcessHandle process) {
		return process.info().startInstant();
	}

	private static boolean olderThan(Path entry, Instant now, Duration age) {
		try {
			return Files.getLastModifiedTime(entry).toInstant().isBefore(now.minus(age));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean deleteIfEmpty(Path dir) {
		try {
			return Files.deleteIfExists(dir);
		}
		catch (IOException ex) {
			// not empty
			return false;
		}
	}

}
