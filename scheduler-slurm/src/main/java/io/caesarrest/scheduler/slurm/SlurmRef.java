package io.caesarrest.scheduler.slurm;

import java.nio.file.Path;

import io.caesarrest.scheduler.SchedulerRef;

/**
 * What a Slurm handle encodes: Slurm's job id and the job dir (as the service sees it),
 * where the exit-code file is found once Slurm has forgotten the job.
 */
record SlurmRef(long jobId, Path jobDir) {

	SchedulerRef toRef() {
		return new SchedulerRef(this.jobId + ":" + this.jobDir);
	}

	static SlurmRef parse(SchedulerRef ref) {
		String[] parts = ref.value().split(":", 2);
		try {
			return new SlurmRef(Long.parseLong(parts[0]), Path.of(parts[1]));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Not a Slurm scheduler reference: " + ref.value(), ex);
		}
	}

}
