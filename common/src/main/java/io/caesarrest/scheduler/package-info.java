/**
 * The Scheduler SPI: submit, poll in batches, cancel; implemented by the local, Slurm and
 * Kubernetes backends.
 */
package io.caesarrest.scheduler;
