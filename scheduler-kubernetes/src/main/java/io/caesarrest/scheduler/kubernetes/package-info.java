/**
 * Kubernetes backend of the Scheduler SPI with batch/v1 Jobs watched by one informer.
 */
@NullMarked
package io.caesarrest.scheduler.kubernetes;

import org.jspecify.annotations.NullMarked;
