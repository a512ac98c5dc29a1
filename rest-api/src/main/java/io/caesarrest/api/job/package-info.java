/**
 * Job submission, listing, status, cancel and outputs.
 */
@NullMarked
package io.caesarrest.api.job;

import org.jspecify.annotations.NullMarked;
