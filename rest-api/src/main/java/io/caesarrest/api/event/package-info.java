/**
 * Server-Sent Event streams of job state changes.
 */
@NullMarked
package io.caesarrest.api.event;

import org.jspecify.annotations.NullMarked;
