/**
 * Pre-installed datasets that jobs can name as their input.
 */
@NullMarked
package io.caesarrest.dataset;

import org.jspecify.annotations.NullMarked;
