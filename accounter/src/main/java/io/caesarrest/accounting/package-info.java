/**
 * Usage aggregation per user and per app.
 */
@NullMarked
package io.caesarrest.accounting;

import org.jspecify.annotations.NullMarked;
