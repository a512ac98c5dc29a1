package io.caesarrest.scheduler.slurm;

import java.util.Map;

/**
 * A batch job to submit, independent of the OpenAPI version.
 *
 * @param name job name
 * @param script the batch script
 * @param environment the whole environment of the batch script
 * @param workingDirectory working directory on the node
 * @param log file receiving stdout and stderr
 * @param cpusPerTask cores per task
 * @param tasks tasks (MPI processes)
 * @param timeLimitMinutes time limit, or null for the partition's
 * @param partition partition, or null
 * @param account account, or null
 */
record SlurmJobRequest(String name, String script, Map<String, String> environment, String workingDirectory, String log,
		int cpusPerTask, int tasks, Integer timeLimitMinutes, String partition, String account) {

}
