package io.caesarrest.scheduler.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.caesarrest.app.JavaMainCommand;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.storage.StorageLayout;

/**
 * Turns a launch into a Slurm batch job: one fixed script and every value of the job in
 * its environment, so that the script never contains anything a user typed.
 */
final class SlurmBatchJobs {

	static final String SCRIPT = readScript();

	static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final SlurmSchedulerProperties properties;

	private final StorageLayout layout;

	private final PathMapping paths;

	SlurmBatchJobs(SlurmSchedulerProperties properties, StorageLayout layout) {
		this.properties = properties;
		this.layout = layout;
		this.paths = new PathMapping(Map.of(layout.jobdir(), mountOr(properties.jobDirMount(), layout.jobdir()),
				layout.datadir(), mountOr(properties.dataDirMount(), layout.datadir())));
	}

	/**
	 * Creates the job dir, where Slurm writes the job's log and the job its outputs, with
	 * the configured permissions.
	 */
	void prepareJobDir(Path jobDir) {
		try {
			Files.createDirectories(jobDir);
			if (this.properties.jobDirPermissions() != null && !this.properties.jobDirPermissions().isBlank()) {
				Files.setPosixFilePermissions(jobDir,
						PosixFilePermissions.fromString(this.properties.jobDirPermissions().strip()));
			}
		}
		catch (IOException | IllegalArgumentException | UnsupportedOperationException ex) {
			throw new SchedulerException("Cannot prepare the job dir " + jobDir + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The batch job of a launch.
	 * @param launch the launch
	 * @return the request to submit
	 */
	SlurmJobRequest request(JobLaunch launch) {
		Path jobDir = launch.jobDir().toAbsolutePath().normalize();
		Path clusterJobDir = this.paths.toCluster(jobDir);
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PATH", PATH);
		environment.put("CAESAR_JOB_DIR", clusterJobDir.toString());
		environment.put("CAESAR_EXIT_CODE_FILE", clusterJobDir.resolve(JobLaunch.EXIT_CODE_FILE).toString());
		environment.put("CAESAR_SUBMIT_DELAY", Long.toString(seconds(this.properties.submitDelay())));
		if (launch.isContainer()) {
			putContainer(launch, jobDir, clusterJobDir, environment);
		}
		else {
			putCommand(launch, environment);
		}
		int cores = Math.max(1, Math.min(launch.cores(), this.properties.maxCoresPerJob()));
		return new SlurmJobRequest(launch.jobId(), SCRIPT, environment, clusterJobDir.toString(),
				clusterJobDir.resolve(launch.logFileName()).toString(), cores, Math.max(1, launch.procs()),
				minutes(launch.maxRunTime()), blankToNull(this.properties.partition()),
				blankToNull(this.properties.account()));
	}

	private void putCommand(JobLaunch launch, Map<String, String> environment) {
		launch.environment().forEach((name, value) -> environment.put(checkName(name), value));
		// the built-in Java apps run in a JVM of the node, with this service's class path
		List<String> argv = JavaMainCommand.expand(launch.argv());
		environment.put("CAESAR_ARGC", Integer.toString(argv.size()));
		for (int i = 0; i < argv.size(); i++) {
			environment.put("CAESAR_ARG_" + i, this.paths.toCluster(argv.get(i)));
		}
	}

	// the container sees the service's paths (bound from the cluster's), as the original
	// images expect: JOB_OPTIONS, JOB_DIR, JOB_OUTDIR
	private void putContainer(JobLaunch launch, Path jobDir, Path clusterJobDir, Map<String, String> environment) {
		String runtime = this.properties.containerRuntime().command();
		String image = (launch.singularityImage() != null) ? launch.singularityImage() : "docker://" + launch.image();
		environment.put("CAESAR_IMAGE", image);
		environment.put("CAESAR_CONTAINER_RUNTIME", runtime);
		environment.put("CAESAR_PROCS", Integer.toString(Math.max(1, launch.procs())));
		List<String> binds = new ArrayList<>(List.of(clusterJobDir + ":" + jobDir));
		// only the owner's uploads and what the job's input names (a dataset's files),
		// read-only: a job cannot read other users' files
		Set<Path> readOnly = new LinkedHashSet<>();
		Path userData = this.layout.userDataDir(launch.owner());
		if (Files.isDirectory(userData)) {
			readOnly.add(userData);
		}
		launch.inputPaths().stream().filter(Files::exists).forEach(readOnly::add);
		for (Path path : readOnly) {
			binds.add(this.paths.toCluster(path) + ":" + path + ":ro");
		}
		environment.put("CAESAR_BINDC", Integer.toString(binds.size()));
		for (int i = 0; i < binds.size(); i++) {
			environment.put("CAESAR_BIND_" + i, binds.get(i));
		}
		String prefix = runtime.toUpperCase(Locale.ROOT) + "ENV_";
		launch.environment().forEach((name, value) -> environment.put(prefix + checkName(name), value));
		environment.put(prefix + "JOB_OPTIONS", String.join(" ", launch.argv()));
		environment.put(prefix + "JOB_DIR", jobDir.toString());
		environment.put(prefix + "JOB_OUTDIR", jobDir.toString());
		environment.put(prefix + "CHANGE_RUNUSER", "0");
	}

	/** Slurm's time limit: whole minutes, rounded up, at least one; null for none. */
	static Integer minutes(Duration maxRunTime) {
		if (maxRunTime == null || maxRunTime.isZero() || maxRunTime.isNegative()) {
			return null;
		}
		return (int) Math.max(1, (maxRunTime.toSeconds() + 59) / 60);
	}

	private static long seconds(Duration delay) {
		return (delay != null) ? Math.max(0, (delay.toMillis() + 999) / 1000) : 0;
	}

	private static String checkName(String name) {
		if (!VARIABLE_NAME.matcher(name).matches() || name.startsWith("CAESAR_") || name.startsWith("SLURM_")) {
			throw new IllegalArgumentException("Not an allowed environment variable name: " + name);
		}
		return name;
	}

	private static Path mountOr(Path mount, Path dir) {
		return (mount != null) ? mount.toAbsolutePath().normalize() : dir;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String readScript() {
		try (InputStream in = SlurmBatchJobs.class.getResourceAsStream("caesar-job.sh")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
