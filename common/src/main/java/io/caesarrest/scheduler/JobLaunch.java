package io.caesarrest.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a backend needs to run one job.
 *
 * @param jobId the job id (also the backend job's name)
 * @param owner who submitted it
 * @param app app name
 * @param argv for native apps the command line (an executable and its arguments); for
 * container apps the app's arguments, passed to the image as {@code JOB_OPTIONS}; never
 * parsed by a shell
 * @param image container image (Docker/Kubernetes) of a container app, or null for native
 * apps
 * @param singularityImage Singularity/Apptainer image path of a container app (Slurm), or
 * null
 * @param environment extra environment variables
 * @param jobDir the job directory (working dir, outputs and log)
 * @param cores cores to reserve per process
 * @param procs processes to start (MPI), at least 1
 * @param maxRunTime time limit after which the job ends TIMED-OUT
 * @param memoryBytes memory the job may use, 0 when unknown
 * @param inputPaths the files and directories the job reads besides its job dir (the
 * owner's uploads, a dataset's files, an app's model files): backends that isolate a job
 * make them visible to it read-only, at the same paths
 */
public record JobLaunch(String jobId, String owner, String app, List<String> argv, String image,
		String singularityImage, Map<String, String> environment, Path jobDir, int cores, int procs,
		Duration maxRunTime, long memoryBytes, List<Path> inputPaths) {

	/** Name of the file in the job dir where a job's wrapper writes its exit code. */
	public static final String EXIT_CODE_FILE = ".exit_code";

	/**
	 * Name of the file in the job dir with a container job's arguments, NUL-separated.
	 */
	public static final String ARGS_FILE = ".job_args";

	/**
	 * Whether a file of a job dir is the service's own bookkeeping rather than the app's
	 * output (left out of archives and listings).
	 * @param relativePath the file's path relative to the job dir
	 * @return whether the service wrote it for itself
	 */
	public static boolean isServiceFile(String relativePath) {
		return relativePath.equals(EXIT_CODE_FILE) || relativePath.equals(EXIT_CODE_FILE + ".tmp")
				|| relativePath.equals(ARGS_FILE);
	}

	public JobLaunch {
		argv = List.copyOf(argv);
		environment = Map.copyOf(environment);
		inputPaths = (inputPaths != null) ? List.copyOf(inputPaths) : List.of();
		if (argv.isEmpty() && image == null && singularityImage == null) {
			throw new IllegalArgumentException("Empty command line");
		}
	}

	/** A launch with no memory hint and no input paths of its own. */
	public JobLaunch(String jobId, String owner, String app, List<String> argv, String image, String singularityImage,
			Map<String, String> environment, Path jobDir, int cores, int procs, Duration maxRunTime) {
		this(jobId, owner, app, argv, image, singularityImage, environment, jobDir, cores, procs, maxRunTime, 0,
				List.of());
	}

	/** A native app's launch: a command line run as is. */
	public static JobLaunch nativeCommand(String jobId, String owner, String app, List<String> argv, Path jobDir,
			int cores, Duration maxRunTime) {
		return new JobLaunch(jobId, owner, app, argv, null, null, Map.of(), jobDir, cores, 1, maxRunTime);
	}

	/** Whether the app runs from a container image rather than as a native command. */
	public boolean isContainer() {
		return this.image != null || this.singularityImage != null;
	}

	/** Name of the job's log file in its directory. */
	public String logFileName() {
		return "job_" + this.jobId + ".log";
	}

}
