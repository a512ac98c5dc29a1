/**
 * Benchmark of the finder against simulated truth (and SExtractor when installed).
 */
package io.caesarrest.finder.bench;
