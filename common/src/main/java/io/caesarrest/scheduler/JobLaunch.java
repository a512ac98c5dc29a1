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
 * @param argv the command line: an executable and its arguments, never parsed by a shell
 * @param image container image for backends that run containers, or null for native apps
 * @param environment extra environment variables
 * @param jobDir the job directory (working dir, outputs and log)
 * @param cores cores to reserve
 * @param maxRunTime time limit after which the job ends TIMED-OUT
 */
public record JobLaunch(String jobId, String owner, String app, List<String> argv, String image,
		Map<String, String> environment, Path jobDir, int cores, Duration maxRunTime) {

	/** Name of the file in the job dir where a job's wrapper writes its exit code. */
	public static final String EXIT_CODE_FILE = ".exit_code";

	public JobLaunch {
		argv = List.copyOf(argv);
		environment = Map.copyOf(environment);
		if (argv.isEmpty()) {
			throw new IllegalArgumentException("Empty command line");
		}
	}

	/** Name of the job's log file in its directory. */
	public String logFileName() {
		return "job_" + this.jobId + ".log";
	}

}
