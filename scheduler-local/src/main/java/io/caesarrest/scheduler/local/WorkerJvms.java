package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.caesarrest.app.JavaMainCommand;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * How the local queue starts the JVMs of Java apps ({@code {java-main:<class>}}): their
 * options, the heap size from the app's memory hint, and, once {@link #prepare} is done,
 * a class path and a class-data archive that make them start faster: the service's
 * executable jar extracted (with Spring Boot's own tool) and an archive of the classes a
 * warm-up loaded (AppCDS, {@code -XX:SharedArchiveFile}), both made once per service
 * build and Java runtime, in the JVM dir, where those of builds no running service uses
 * any more are deleted ({@link JvmDirCleanup}).
 */
public class WorkerJvms {

	private static final Log logger = LogFactory.getLog(WorkerJvms.class);

	// the JVM's own memory (class metadata, code, thread stacks) on top of the heap
	private static final double HEAP_SHARE = 0.75;

	private static final long MIB = 1024 * 1024;

	private final Path dir;

	private final boolean classDataSharing;

	private final int jobsPerJvm;

	private volatile @Nullable Path classPath;

	private volatile @Nullable Path archive;

	/**
	 * Creates the settings.
	 * @param dir where worker JVMs keep their files
	 * @param classDataSharing whether to make and use a class-data archive
	 * @param jobsPerJvm the jobs a pre-started JVM runs before it ends
	 */
	public WorkerJvms(Path dir, boolean classDataSharing, int jobsPerJvm) {
		this.dir = dir;
		this.classDataSharing = classDataSharing;
		this.jobsPerJvm = Math.max(1, jobsPerJvm);
	}

	Path dir() {
		return this.dir;
	}

	/**
	 * Makes (or finds from an earlier start) the extracted class path and the class-data
	 * archive; slow (seconds), so run it in the background.
	 * @param warmUpClasses the main classes whose warm-up loads the classes to archive
	 */
	public void prepare(List<String> warmUpClasses) {
		try {
			String key = key(System.getProperty("java.class.path"));
			JvmDirCleanup.registerAndClean(this.dir, key);
			Optional<Path> jar = JavaMainCommand.executableJar();
			if (jar.isPresent()) {
				this.classPath = extract(jar.get(), this.dir.resolve("classpath-" + key));
			}
			if (this.classDataSharing) {
				this.archive = dumpClasses(this.dir.resolve("classes-" + key + ".jsa"), warmUpClasses);
			}
			logger.info("Java apps' JVMs start from " + ((this.classPath != null) ? this.classPath : "the class path")
					+ ((this.archive != null) ? " with the class-data archive " + this.archive : ""));
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Java apps' JVMs start from the service's class path, without class-data sharing: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Path extract(Path jar, Path target) throws IOException, InterruptedException {
		Path extracted = target.resolve(jar.getFileName());
		if (Files.isRegularFile(extracted)) {
			return extracted;
		}
		Path temporary = Files.createTempDirectory(Files.createDirectories(target.getParent()), "extracting-");
		run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
				temporary.resolve("out").toString()), temporary);
		try {
			Files.move(temporary.resolve("out"), target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// another service on this dir was faster
			if (!Files.isRegularFile(extracted)) {
				throw ex;
			}
		}
		deleteQuietly(temporary);
		return extracted;
	}

	private @Nullable Path dumpClasses(Path archive, List<String> warmUpClasses)
			throws IOException, InterruptedException {
		if (Files.isRegularFile(archive)) {
			return archive;
		}
		Path work = Files.createTempDirectory(this.dir, "archiving-");
		Path temporary = work.resolve("classes.jsa");
		List<String> options = new ArrayList<>(options(0, false));
		options.add("-XX:ArchiveClassesAtExit=" + temporary);
		List<String> command = new ArrayList<>(command(WarmJvmMain.class.getName(), options));
		command.add(WarmJvmMain.EXIT_AFTER_WARM_UP);
		command.addAll(warmUpClasses);
		run(command, work);
		if (!Files.isRegularFile(temporary)) {
			deleteQuietly(work);
			return null;
		}
		Files.move(temporary, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		deleteQuietly(work);
		return archive;
	}

	private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("output.log").toFile())
			.start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IOException("timed out: " + String.join(" ", command));
		}
		if (process.exitValue() != 0) {
			throw new IOException("exit code " + process.exitValue() + " of " + String.join(" ", command) + ": "
					+ Files.readString(dir.resolve("output.log")).strip());
		}
	}

	/**
	 * The heap size of a job's JVM: three quarters of its memory hint.
	 * @param memoryBytes the job's memory hint, 0 when unknown
	 * @return the heap size in bytes, 0 for the JVM's default
	 */
	static long heapBytes(long memoryBytes) {
		return (memoryBytes > 0) ? Math.max(64 * MIB, (long) (memoryBytes * HEAP_SHARE) / MIB * MIB) : 0;
	}

	/**
	 * The options of a JVM started for one job. Only the client compiler: a JVM that
	 * lives for one job ends before the server compiler's code pays for its compiling on
	 * two cores.
	 * @param heapBytes its heap size, 0 for the default
	 * @return the options
	 */
	List<String> options(long heapBytes) {
		List<String> options = options(heapBytes, true);
		options.add("-XX:TieredStopAtLevel=1");
		return options;
	}

	/**
	 * The options of a pre-started JVM, which runs job after job: both compilers, so that
	 * later jobs run the server compiler's code, a fixed heap with a large young
	 * generation in huge pages, and its number of jobs.
	 * @param heapBytes its heap size, 0 for the default
	 * @return the options
	 */
	List<String> reusableOptions(long heapBytes) {
		List<String> options = options(heapBytes, true);
		if (heapBytes > 0) {
			// the whole heap from the start and half of it young, so that a job's arrays
			// are born and die in the young generation without resizing or promotion
			// pauses (measured: 100-230 ms pauses in 4000² jobs without)
			options.add("-Xms" + (heapBytes / MIB) + "m");
			options.add("-Xmn" + (heapBytes / 2 / MIB) + "m");
			// in transparent huge pages where the kernel gives them (madvise): a job
			// that reaches heap no warm-up touched faults in 2 MiB pages, not 4 KiB
			// ones. The first 4000² find after the warm-up took 0.35-0.44 s without,
			// 0.26-0.29 s with; later ones about 0.2 s either way. Pre-touching the
			// whole heap gave the same but cost 3 s of the JVM's start. The warning of
			// a kernel without them would land in the first job's log.
			options.add("-XX:+UseTransparentHugePages");
			options.add("-Xlog:pagesize=error");
		}
		options.add("-D" + WarmJvmMain.JOBS_PROPERTY + "=" + this.jobsPerJvm);
		return options;
	}

	private List<String> options(long heapBytes, boolean shared) {
		List<String> options = new ArrayList<>(List.of("-Djava.awt.headless=true", "-XX:+UseParallelGC"));
		options.add((heapBytes > 0) ? "-Xmx" + (heapBytes / MIB) + "m" : "-XX:MaxRAMPercentage=50");
		Path classes = this.archive;
		if (shared && classes != null) {
			options.add("-XX:SharedArchiveFile=" + classes);
		}
		return options;
	}

	/**
	 * The argv that starts a main class in a worker JVM.
	 * @param mainClass the class
	 * @param options the JVM's options
	 * @return the command line
	 */
	List<String> command(String mainClass, List<String> options) {
		Path extracted = this.classPath;
		// the extracted jar can be gone: aged out of the temporary directory by a cleaner
		// (systemd-tmpfiles) under a long-running service, or deleted by hand
		if (extracted == null || !Files.isRegularFile(extracted)) {
			return JavaMainCommand.command(mainClass, options);
		}
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(options);
		command.addAll(List.of("-cp", extracted.toString(), mainClass));
		return command;
	}

	/**
	 * Returns a command line with its {@code {java-main:<class>}} entries expanded into
	 * worker JVMs started for one job.
	 * @param argv the command line
	 * @param heapBytes the heap size, 0 for the default
	 * @return the command line to run
	 */
	List<String> expand(List<String> argv, long heapBytes) {
		List<String> expanded = new ArrayList<>();
		for (String arg : argv) {
			Optional<String> mainClass = JavaMainCommand.mainClass(List.of(arg));
			if (mainClass.isPresent()) {
				expanded.addAll(command(mainClass.get(), options(heapBytes)));
			}
			else {
				expanded.add(arg);
			}
		}
		return expanded;
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	// one extracted class path and archive per build of the service and Java runtime
	private static String key(String classPath) throws IOException {
		StringBuilder identity = new StringBuilder(System.getProperty("java.home"))
			.append(System.getProperty("java.vm.version"));
		for (String entry : classPath.split(java.io.File.pathSeparator)) {
			Path path = Path.of(entry).toAbsolutePath();
			identity.append('|').append(path);
			if (Files.isRegularFile(path)) {
				identity.append(':').append(Files.size(path)).append(':').append(Files.getLastModifiedTime(path));
			}
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(identity.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary dir in the JVM dir: harmless
		}
	}

}
