package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.sun.security.auth.module.UnixSystem;
import io.caesarrest.scheduler.JobLaunch;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs job containers through the Docker (or Podman) command-line client: the job's
 * process is the client's {@code run}, attached, so that the container's output goes to
 * the job's log and its exit code is the job's; every argument is a list entry, and the
 * values of the job's environment reach the client through its own environment
 * ({@code -e NAME}), never through a command line.
 */
final class ContainerCli {

	/** The label that marks the containers of this service. */
	static final String MANAGED_LABEL = "io.caesar-rest.managed-by=caesar-rest";

	/** The file in the job dir with the job's arguments, NUL-separated. */
	static final String ARGS_FILE = JobLaunch.ARGS_FILE;

	/** The label key that holds a container's job id. */
	static final String JOB_LABEL = "io.caesar-rest.job-id";

	private static final Log logger = LogFactory.getLog(ContainerCli.class);

	private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);

	private final LocalSchedulerProperties.Containers settings;

	private final String user;

	ContainerCli(LocalSchedulerProperties.Containers settings) {
		this.settings = settings;
		this.user = (settings.user() != null && !settings.user().isBlank()) ? settings.user().trim() : ownUser();
	}

	String executable() {
		return this.settings.executable();
	}

	/** The name of a job's container: one per job, so a repeated start finds it. */
	static String name(String jobId) {
		return "caesar-job-" + jobId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
	}

	/**
	 * The client command that runs a job's container, attached.
	 * @param launch the job
	 * @param jobDir its directory (mounted read-write, the working directory)
	 * @return the command
	 */
	List<String> run(JobLaunch launch, Path jobDir) {
		List<String> command = new ArrayList<>(List.of(executable(), "run", "--name", name(launch.jobId()), "--label",
				MANAGED_LABEL, "--label", JOB_LABEL + "=" + launch.jobId(), "--user", this.user, "--workdir",
				jobDir.toString(), "--network", this.settings.network(), "--pull", this.settings.pull()));
		if (this.settings.init()) {
			command.add("--init");
		}
		command.add("--cpus=" + Math.max(1, launch.cores()) * Math.max(1, launch.procs()));
		if (launch.memoryBytes() > 0) {
			command.add("--memory=" + launch.memoryBytes());
			command.add("--memory-swap=" + launch.memoryBytes());
		}
		command.addAll(List.of("--mount", mount(jobDir, false)));
		for (Path path : launch.inputPaths()) {
			if (!jobDir.startsWith(path)) {
				command.addAll(List.of("--mount", mount(path, true)));
			}
		}
		environment(launch, jobDir).keySet().forEach((name) -> command.addAll(List.of("-e", name)));
		command.addAll(this.settings.runArgs());
		command.add(launch.image());
		return command;
	}

	/**
	 * The environment of a job's container, the contract of the original app images:
	 * {@code JOB_OPTIONS} (the app's arguments), {@code JOB_DIR}, {@code JOB_OUTDIR} and
	 * {@code CHANGE_RUNUSER=0} (the container already runs as the service's user); and
	 * {@code JOB_ARGS_FILE}, the arguments exactly, NUL-separated (JOB_OPTIONS cannot
	 * hold an argument with a blank), which this project's images read.
	 */
	static Map<String, String> environment(JobLaunch launch, Path jobDir) {
		Map<String, String> environment = new LinkedHashMap<>(launch.environment());
		environment.put("JOB_OPTIONS", String.join(" ", launch.argv()));
		environment.put("JOB_ARGS_FILE", jobDir.resolve(ARGS_FILE).toString());
		environment.put("JOB_DIR", jobDir.toString());
		environment.put("JOB_OUTDIR", jobDir.toString());
		environment.put("CHANGE_RUNUSER", "0");
		environment.put("CAESAR_JOB_ID", launch.jobId());
		return environment;
	}

	// a bind mount at the same path; a path with a comma or a quote is quoted as a CSV
	// field (as Docker parses --mount), so it cannot add a mount option
	static String mount(Path path, boolean readOnly) {
		return "type=bind," + field("src=" + path) + "," + field("dst=" + path) + (readOnly ? ",readonly" : "");
	}

	private static String field(String value) {
		return (value.contains(",") || value.contains("\"")) ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

	/**
	 * Writes the job's arguments to {@value #ARGS_FILE} in its dir.
	 * @param launch the job
	 * @param jobDir its directory
	 * @throws IOException if the file cannot be written
	 */
	static void writeArgs(JobLaunch launch, Path jobDir) throws IOException {
		StringBuilder args = new StringBuilder();
		launch.argv().forEach((arg) -> args.append(arg).append('\0'));
		Files.writeString(jobDir.resolve(ARGS_FILE), args);
	}

	/**
	 * What the runtime knows of a job's container.
	 * @param name the container's name
	 * @return its state, empty when there is no such container or the runtime cannot be
	 * reached
	 */
	Optional<ContainerState> inspect(String name) {
		Result result = call(List.of(executable(), "inspect", "--type", "container", "--format",
				"{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}", name));
		if (result.exitCode() != 0) {
			return Optional.empty();
		}
		String[] fields = result.output().trim().split(" ");
		if (fields.length < 3) {
			return Optional.empty();
		}
		try {
			return Optional
				.of(new ContainerState(fields[0], Integer.parseInt(fields[1]), Boolean.parseBoolean(fields[2])));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Asks a container to stop, then kills it after the grace time (in the background).
	 */
	void stop(String name, Duration grace) {
		callInBackground(List.of(executable(), "stop", "--time", Long.toString(Math.max(1, grace.toSeconds())), name));
	}

	/** Removes a container, killing it if it still runs. */
	void remove(String name) {
		call(List.of(executable(), "rm", "--force", "--volumes", name));
	}

	/**
	 * The runtime's server version, or why it cannot be reached.
	 * @return the version line or the error
	 */
	Result version() {
		return call(List.of(executable(), "version", "--format", "{{.Server.Version}}"));
	}

	private void callInBackground(List<String> command) {
		try {
			new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			logger.warn("Cannot run " + String.join(" ", command) + ": " + ex.getMessage());
		}
	}

	static Result call(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
				.start();
			String output;
			try (InputStream in = process.getInputStream()) {
				output = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
			}
			if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, command.get(0) + " did not answer within " + CLI_TIMEOUT.toSeconds() + " s");
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			return new Result(-1, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, "interrupted");
		}
	}

	private static String ownUser() {
		try {
			UnixSystem system = new UnixSystem();
			return system.getUid() + ":" + system.getGid();
		}
		catch (RuntimeException | LinkageError ex) {
			return "65534:65534";
		}
	}

	/** What a client command printed and its exit code. */
	record Result(int exitCode, String output) {

	}

	/**
	 * A container's state.
	 *
	 * @param status {@code created}, {@code running}, {@code exited}…
	 * @param exitCode the exit code once exited
	 * @param oomKilled whether it was killed for using more than its memory
	 */
	record ContainerState(String status, int exitCode, boolean oomKilled) {

		boolean running() {
			return "running".equals(this.status) || "restarting".equals(this.status) || "paused".equals(this.status);
		}

	}

}
