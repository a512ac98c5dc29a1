package io.caesarrest.scheduler.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the local queue starts the JVMs of Java apps ({@code {java-main:<class>}}): their
 * options, heap size from the app's memory hint, and where their files go.
 */
public class WorkerJvms {

	// the JVM's own memory (class metadata, code, thread stacks) on top of the heap
	private static final double HEAP_SHARE = 0.75;

	private static final long MIB = 1024 * 1024;

	private final Path dir;

	/**
	 * Creates the settings.
	 * @param dir where worker JVMs keep their files
	 */
	public WorkerJvms(Path dir) {
		this.dir = dir;
	}

	Path dir() {
		return this.dir;
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
	 * The options of a worker JVM.
	 * @param heapBytes its heap size, 0 for the default
	 * @param warm whether it is pre-started (warmed up, and so compiled fully) rather
	 * than started for one job
	 * @return the options
	 */
	List<String> options(long heapBytes, boolean warm) {
		List<String> options = new ArrayList<>(List.of("-Djava.awt.headless=true", "-XX:+UseParallelGC"));
		options.add((heapBytes > 0) ? "-Xmx" + (heapBytes / MIB) + "m" : "-XX:MaxRAMPercentage=50");
		if (!warm) {
			options.add("-XX:TieredStopAtLevel=1");
		}
		return options;
	}

	/**
	 * The options of a JVM started for one job, besides those of {@link JavaMainCommand}.
	 * @param heapBytes its heap size, 0 for the default
	 * @return the options
	 */
	List<String> coldOptions(long heapBytes) {
		List<String> options = new ArrayList<>();
		if (heapBytes > 0) {
			options.add("-Xmx" + (heapBytes / MIB) + "m");
		}
		return options;
	}

}
