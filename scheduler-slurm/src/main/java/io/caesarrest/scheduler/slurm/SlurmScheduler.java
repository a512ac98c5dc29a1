package io.caesarrest.scheduler.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.caesarrest.app.AppLaunch;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.scheduler.SchedulerRejectedException;

/**
 * Runs jobs on a Slurm cluster through slurmrestd: one batch job per launch, the states
 * of all jobs in one request, cancel by job id.
 */
public class SlurmScheduler implements Scheduler {

	private final SlurmRestClient client;

	private final String apiVersion;

	private final SlurmBatchJobs batchJobs;

	private volatile SlurmApi api;

	SlurmScheduler(SlurmRestClient client, String apiVersion, SlurmBatchJobs batchJobs) {
		this.client = client;
		this.apiVersion = apiVersion;
		this.batchJobs = batchJobs;
	}

	@Override
	public String name() {
		return SlurmSchedulerBackend.TYPE;
	}

	@Override
	public Optional<String> refusal(AppLaunch launch) {
		if (launch.isNative() || launch.singularity() != null) {
			return Optional.empty();
		}
		return Optional.of("the Slurm scheduler runs native commands and Singularity/Apptainer images, and this app"
				+ " has only the container image " + launch.image() + " (set its image's .sif path)");
	}

	@Override
	public String processId(SchedulerRef ref) {
		return Long.toString(SlurmRef.parse(ref).jobId());
	}

	@Override
	public SchedulerRef submit(JobLaunch launch) {
		SlurmJobRequest request;
		try {
			request = this.batchJobs.request(launch);
		}
		catch (IllegalArgumentException ex) {
			throw new SchedulerRejectedException("Cannot run job " + launch.jobId() + " on Slurm: " + ex.getMessage(),
					ex);
		}
		this.batchJobs.prepareJobDir(launch.jobDir());
		long jobId = api().submit(request);
		return new SlurmRef(jobId, launch.jobDir().toAbsolutePath().normalize()).toRef();
	}

	@Override
	public Map<SchedulerRef, Execution> poll(Collection<SchedulerRef> refs) {
		if (refs.isEmpty()) {
			return Map.of();
		}
		Map<Long, SlurmJob> jobs = api().jobs()
			.stream()
			.collect(Collectors.toMap(SlurmJob::id, Function.identity(), (first, second) -> second));
		Map<SchedulerRef, Execution> executions = new LinkedHashMap<>();
		for (SchedulerRef ref : refs) {
			SlurmRef slurmRef = SlurmRef.parse(ref);
			SlurmJob job = jobs.get(slurmRef.jobId());
			Optional<Execution> execution = (job != null) ? Optional.of(SlurmStates.execution(job))
					: fromExitCodeFile(slurmRef);
			execution.ifPresent((e) -> executions.put(ref, e));
		}
		return executions;
	}

	@Override
	public void cancel(SchedulerRef ref) {
		api().cancel(SlurmRef.parse(ref).jobId());
	}

	/**
	 * The OpenAPI version in use, asking the server first if it was set to {@code auto}.
	 */
	String apiVersion() {
		return api().version();
	}

	private SlurmApi api() {
		SlurmApi current = this.api;
		if (current == null) {
			synchronized (this) {
				if (this.api == null) {
					this.api = SlurmApis.forVersion(this.client, this.apiVersion);
				}
				current = this.api;
			}
		}
		return current;
	}

	// Slurm forgets a job MinJobAge after its end; its result is then the one its
	// script wrote into the job dir
	private static Optional<Execution> fromExitCodeFile(SlurmRef ref) {
		Path file = ref.jobDir().resolve(JobLaunch.EXIT_CODE_FILE);
		try {
			int code = Integer.parseInt(Files.readString(file).strip());
			FileTime ended = Files.getLastModifiedTime(file);
			return Optional.of(new Execution(JobState.fromExitCode(code), code, null, ended.toInstant(),
					"Slurm job " + ref.jobId() + " ended with exit code " + code + " (read from its dir)"));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
