/**
 * The Scheduler SPI: submit, poll in batches, cancel; implemented by the local, Slurm and
 * Kubernetes backends.
 */
@NullMarked
package io.caesarrest.scheduler;

import org.jspecify.annotations.NullMarked;
