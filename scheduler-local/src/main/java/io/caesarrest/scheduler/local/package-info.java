/**
 * The local backend: jobs run as processes on this machine, queued in the jobs
 * collection.
 */
package io.caesarrest.scheduler.local;
