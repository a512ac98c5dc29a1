package io.caesarrest.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.caesarrest.app.App;
import io.caesarrest.dataset.InputPaths;
import io.caesarrest.job.Job;
import io.caesarrest.scheduler.JobLaunch;

/**
 * Builds what a backend runs from a job and its app, in one place for every backend.
 */
final class JobLaunches {

	private JobLaunches() {
	}

	static JobLaunch of(Job job, App app) {
		boolean container = !app.launch().isNative();
		List<Path> inputs = new ArrayList<>();
		if (job.inputPath() != null && !job.inputPath().isBlank()) {
			inputs.addAll(InputPaths.of(Path.of(job.inputPath())));
		}
		app.launch().mounts().forEach((mount) -> inputs.add(Path.of(mount)));
		return new JobLaunch(job.id(), job.owner(), job.app(), job.argv(), container ? app.launch().image() : null,
				container ? app.launch().singularity() : null, Map.of(), Path.of(job.jobDir()),
				Math.max(1, job.cores()), Math.max(1, job.procs()), job.maxRunTime(), memory(app), inputs);
	}

	private static long memory(App app) {
		try {
			return app.resources().memoryBytes();
		}
		catch (IllegalArgumentException ex) {
			return 0;
		}
	}

}
