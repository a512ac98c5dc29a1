package io.caesarrest.scheduler.slurm;

import io.caesarrest.scheduler.SchedulerBackend;

/**
 * Declares the Slurm backend, {@code caesar.scheduler.type=slurm}.
 */
public class SlurmSchedulerBackend implements SchedulerBackend {

	/** The type name of the Slurm backend. */
	public static final String TYPE = "slurm";

	@Override
	public String type() {
		return TYPE;
	}

}
