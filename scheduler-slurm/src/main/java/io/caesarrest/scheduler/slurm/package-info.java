/**
 * Slurm backend of the Scheduler SPI through slurmrestd: JWT, batch jobs, state mapping
 * and path remapping.
 */
package io.caesarrest.scheduler.slurm;
