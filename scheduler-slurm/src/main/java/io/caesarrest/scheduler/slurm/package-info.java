/**
 * Slurm backend of the Scheduler SPI through slurmrestd.
 */
package io.caesarrest.scheduler.slurm;
