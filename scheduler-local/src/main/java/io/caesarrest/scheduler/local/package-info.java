/**
 * The local backend: jobs run as processes on this machine, queued in the jobs
 * collection.
 */
@NullMarked
package io.caesarrest.scheduler.local;

import org.jspecify.annotations.NullMarked;
