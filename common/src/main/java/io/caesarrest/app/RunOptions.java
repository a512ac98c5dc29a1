package io.caesarrest.app;

import org.jspecify.annotations.Nullable;

/**
 * Which options of an app size its job, as the original's {@code nthreads} and
 * {@code nproc} of caesar size a Slurm request.
 *
 * @param coresOption the int option giving the threads per process, {@code null} when
 * none
 * @param procsOption the int option giving the processes, {@code null} when none
 */
public record RunOptions(@Nullable String coresOption, @Nullable String procsOption) {

	/** Run options of an app whose jobs are always one process on one core. */
	public static final RunOptions NONE = new RunOptions(null, null);

}
