/**
 * Paged, filtered lists of a caller's files and jobs.
 */
@NullMarked
package io.caesarrest.api.listing;

import org.jspecify.annotations.NullMarked;
