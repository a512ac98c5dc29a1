/**
 * The one job lifecycle engine: dispatch to the active scheduler, batched reconciliation,
 * end recording and crash recovery, for every backend.
 */
@NullMarked
package io.caesarrest.engine;

import org.jspecify.annotations.NullMarked;
