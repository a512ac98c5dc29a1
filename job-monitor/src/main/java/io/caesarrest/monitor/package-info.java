/**
 * The job monitor: hands pending jobs to remote schedulers and keeps job states true.
 */
@NullMarked
package io.caesarrest.monitor;

import org.jspecify.annotations.NullMarked;
