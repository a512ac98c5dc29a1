/**
 * Fixed-size thread pool used to run per-tile and per-island work in parallel.
 */
package io.caesarrest.finder.concurrent;
