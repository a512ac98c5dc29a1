/**
 * The job monitor: hands pending jobs to remote schedulers and keeps job states true.
 */
package io.caesarrest.monitor;
