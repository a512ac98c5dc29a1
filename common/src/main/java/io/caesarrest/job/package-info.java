/**
 * Jobs: their states, the one transition table and compare-and-set persistence.
 */
@NullMarked
package io.caesarrest.job;

import org.jspecify.annotations.NullMarked;
