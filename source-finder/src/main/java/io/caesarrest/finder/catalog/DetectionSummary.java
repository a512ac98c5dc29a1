package io.caesarrest.finder.catalog;

/**
 * How the islands were detected: the thresholds in use and the false-detection estimate.
 *
 * @param seedThreshold the seed threshold in sigma that was applied
 * @param mergeThreshold the merge threshold in sigma
 * @param method {@code fdr} when the seed was chosen for a false discovery rate,
 * {@code fixed} when it was given
 * @param fdrTarget the target false discovery rate (0 for a fixed seed)
 * @param falseEstimate the number of islands the same detection finds in the negated
 * image at the seed threshold
 * @param estimatedFdr the false estimate over the number of islands reported
 * @param filterGain the matched filter's gain over the pixel significance, NaN when no
 * filter was used
 */
public record DetectionSummary(double seedThreshold, double mergeThreshold, String method, double fdrTarget,
		int falseEstimate, double estimatedFdr, double filterGain) {

}
