package io.caesarrest.scheduler.slurm;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.caesarrest.dataset.InputPaths;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.storage.StorageLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The batch jobs built from launches, and what their script does when bash runs it.
 */
class SlurmBatchJobsTests {

	private static final String HOSTILE = "x$(touch /tmp/pwned);id>/tmp/p2 `touch pwned3` 'q\" \\ \n second line $HOME";

	private static final String ID = "0123456789abcdef0123456789abcdef";

	@TempDir
	Path home;

	@Test
	void putsNoValueOfTheJobIntoTheScript() {
		SlurmJobRequest request = batchJobs(properties(null, null))
			.request(nativeLaunch(List.of("/bin/echo", HOSTILE)));
		assertThat(request.script()).isEqualTo(SlurmBatchJobs.SCRIPT).doesNotContain("echo", "pwned", ID);
		assertThat(request.environment()).containsEntry("CAESAR_ARGC", "2")
			.containsEntry("CAESAR_ARG_0", "/bin/echo")
			.containsEntry("CAESAR_ARG_1", HOSTILE);
	}

	@Test
	void scriptHandsHostileArgumentsOverLiterally() throws Exception {
		Path jobDir = jobDir();
		JobLaunch launch = nativeLaunch(
				List.of("/bin/sh", "-c", "printf '%s' \"$1\" > arg.txt; exit 7", "sh", HOSTILE));
		int code = runScript(batchJobs(properties(null, null)).request(launch), Map.of());
		assertThat(code).isEqualTo(7);
		assertThat(Files.readString(jobDir.resolve("arg.txt"))).isEqualTo(HOSTILE);
		assertThat(Files.readString(jobDir.resolve(JobLaunch.EXIT_CODE_FILE))).isEqualTo("7\n");
		assertThat(jobDir.resolve(JobLaunch.EXIT_CODE_FILE + ".tmp")).doesNotExist();
		assertThat(jobDir.resolve("pwned3")).doesNotExist();
		assertThat(Path.of("/tmp/p2")).doesNotExist();
	}

	@Test
	void scriptRunsContainerAppsWithTheImagesEnvironmentContract() throws Exception {
		Path jobDir = jobDir();
		Path userData = Files.createDirectories(this.home.resolve("data").resolve("alice"));
		Path bin = Files.createDirectories(this.home.resolve("bin"));
		// a fake runtime that records what it was given
		Path fake = Files.writeString(bin.resolve("apptainer"), """
				#!/bin/sh
				printf '%s\\n' "$@" > "$CAESAR_JOB_DIR/runtime-args.txt"
				printf '%s' "$APPTAINERENV_JOB_OPTIONS" > "$CAESAR_JOB_DIR/options.txt"
				exit 0
				""");
		Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
		JobLaunch launch = new JobLaunch(ID, "alice", "caesar", List.of("--run", "--inputfile=" + userData + "/a.fits"),
				"sriggi/caesar-job", "/images/caesar.sif", Map.of("EXTRA", HOSTILE), jobDir, 2, 1,
				Duration.ofMinutes(5));
		SlurmJobRequest request = batchJobs(properties(null, null, SlurmSchedulerProperties.ContainerRuntime.APPTAINER))
			.request(launch);
		assertThat(runScript(request, Map.of("PATH", bin + ":" + SlurmBatchJobs.PATH))).isZero();
		assertThat(Files.readAllLines(jobDir.resolve("runtime-args.txt"))).containsExactly("run", "--containall",
				"--no-home", "-B", jobDir + ":" + jobDir, "-B", userData + ":" + userData + ":ro",
				"/images/caesar.sif");
		assertThat(Files.readString(jobDir.resolve("options.txt")))
			.isEqualTo("--run --inputfile=" + userData + "/a.fits");
		assertThat(request.environment()).containsEntry("APPTAINERENV_JOB_DIR", jobDir.toString())
			.containsEntry("APPTAINERENV_JOB_OUTDIR", jobDir.toString())
			.containsEntry("APPTAINERENV_CHANGE_RUNUSER", "0")
			.containsEntry("APPTAINERENV_EXTRA", HOSTILE)
			.doesNotContainKey("EXTRA");
	}

	@Test
	void scriptBindsADatasetsListAndFilesIntoTheContainerReadOnly() throws Exception {
		Path jobDir = jobDir();
		Path lists = Files.createDirectories(this.home.resolve("datasets"));
		Path cutouts = Files.createDirectories(this.home.resolve("survey/cutouts"));
		Files.writeString(cutouts.resolve("a.fits"), "A");
		Path list = Files.writeString(lists.resolve("set.json"),
				"{\"data\": [{\"filepaths\": [\"" + cutouts.resolve("a.fits") + "\"]}]}");
		Path bin = Files.createDirectories(this.home.resolve("bin"));
		Path fake = Files.writeString(bin.resolve("apptainer"), """
				#!/bin/sh
				printf '%s\\n' "$@" > "$CAESAR_JOB_DIR/runtime-args.txt"
				""");
		Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
		JobLaunch launch = new JobLaunch(ID, "alice", "umap", List.of("--datalist=" + list), "sriggi/umap-job",
				"/images/umap.sif", Map.of(), jobDir, 1, 1, Duration.ofMinutes(5), 0, InputPaths.of(list));
		SlurmJobRequest request = batchJobs(properties(null, null, SlurmSchedulerProperties.ContainerRuntime.APPTAINER))
			.request(launch);
		assertThat(runScript(request, Map.of("PATH", bin + ":" + SlurmBatchJobs.PATH))).isZero();
		assertThat(Files.readAllLines(jobDir.resolve("runtime-args.txt"))).containsExactly("run", "--containall",
				"--no-home", "-B", jobDir + ":" + jobDir, "-B", lists + ":" + lists + ":ro", "-B",
				cutouts + ":" + cutouts + ":ro", "/images/umap.sif");
	}

	@Test
	void remapsTheJobDirAndPathArgumentsToTheClusterMounts() {
		Path jobs = this.home.resolve("jobs");
		Path data = this.home.resolve("data");
		JobLaunch launch = nativeLaunch(List.of("/opt/finder", "--inputfile=" + data + "/alice/a.fits",
				data + "/alice/b.fits", "--x=" + data + "x"));
		SlurmJobRequest request = batchJobs(properties(Path.of("/cluster/jobs"), Path.of("/cluster/data")))
			.request(launch);
		String clusterJobDir = "/cluster/jobs/alice/job_" + ID;
		assertThat(request.workingDirectory()).isEqualTo(clusterJobDir);
		assertThat(request.log()).isEqualTo(clusterJobDir + "/job_" + ID + ".log");
		assertThat(request.environment()).containsEntry("CAESAR_JOB_DIR", clusterJobDir)
			.containsEntry("CAESAR_EXIT_CODE_FILE", clusterJobDir + "/.exit_code")
			.containsEntry("CAESAR_ARG_1", "--inputfile=/cluster/data/alice/a.fits")
			.containsEntry("CAESAR_ARG_2", "/cluster/data/alice/b.fits")
			.containsEntry("CAESAR_ARG_3", "--x=" + data + "x");
	}

	@Test
	void boundsCoresAndRoundsTheTimeLimitUpToMinutes() {
		JobLaunch launch = new JobLaunch(ID, "alice", "test", List.of("/bin/true"), null, null, Map.of(),
				this.home.resolve("jobs/alice/job_" + ID), 64, 3, Duration.ofSeconds(61));
		SlurmJobRequest request = batchJobs(properties(null, null)).request(launch);
		assertThat(request.cpusPerTask()).isEqualTo(4);
		assertThat(request.tasks()).isEqualTo(3);
		assertThat(request.timeLimitMinutes()).isEqualTo(2);
		assertThat(request.name()).isEqualTo(ID);
		assertThat(SlurmBatchJobs.minutes(Duration.ofSeconds(2))).isEqualTo(1);
		assertThat(SlurmBatchJobs.minutes(Duration.ZERO)).isNull();
	}

	@Test
	void rejectsEnvironmentVariablesThatAreNotNames() {
		JobLaunch launch = new JobLaunch(ID, "alice", "test", List.of("/bin/true"), null, null, Map.of("A=B;x", "1"),
				this.home.resolve("jobs/alice/job_" + ID), 1, 1, Duration.ofMinutes(1));
		assertThatIllegalArgumentException().isThrownBy(() -> batchJobs(properties(null, null)).request(launch));
	}

	private int runScript(SlurmJobRequest request, Map<String, String> overrides) throws Exception {
		Path script = Files.writeString(this.home.resolve("job.sh"), request.script());
		ProcessBuilder process = new ProcessBuilder("/bin/bash", script.toString()).redirectErrorStream(true)
			.redirectOutput(this.home.resolve("job.log").toFile());
		Map<String, String> environment = new HashMap<>(request.environment());
		environment.putAll(overrides);
		process.environment().clear();
		process.environment().putAll(environment);
		Process running = process.start();
		assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return running.exitValue();
	}

	private Path jobDir() throws IOException {
		return Files.createDirectories(this.home.resolve("jobs/alice/job_" + ID));
	}

	private JobLaunch nativeLaunch(List<String> argv) {
		return JobLaunch.nativeCommand(ID, "alice", "test", argv, this.home.resolve("jobs/alice/job_" + ID), 1,
				Duration.ofMinutes(5));
	}

	private SlurmBatchJobs batchJobs(SlurmSchedulerProperties properties) {
		return new SlurmBatchJobs(properties,
				new StorageLayout(this.home, this.home.resolve("data"), this.home.resolve("jobs")));
	}

	static SlurmSchedulerProperties properties(Path jobDirMount, Path dataDirMount) {
		return properties(jobDirMount, dataDirMount, SlurmSchedulerProperties.ContainerRuntime.SINGULARITY);
	}

	static SlurmSchedulerProperties properties(Path jobDirMount, Path dataDirMount,
			SlurmSchedulerProperties.ContainerRuntime runtime) {
		return new SlurmSchedulerProperties(URI.create("http://127.0.0.1:6820"), "v0.0.38", "caesar", null, "token",
				Duration.ofHours(1), null, null, 4, jobDirMount, dataDirMount, runtime, Duration.ZERO,
				Duration.ofSeconds(10), null);
	}

}
