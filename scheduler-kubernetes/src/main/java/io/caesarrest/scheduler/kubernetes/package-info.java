/**
 * Kubernetes backend of the Scheduler SPI with batch/v1 Jobs.
 */
package io.caesarrest.scheduler.kubernetes;
