package io.caesarrest.finder.detect;

/**
 * Thresholds of the detection step.
 *
 * @param seedThreshold the seed threshold in sigma
 * @param mergeThreshold the merge (flood fill) threshold in sigma
 * @param minPixels the minimum number of pixels of an island
 */
public record DetectionSettings(double seedThreshold, double mergeThreshold, int minPixels) {

}
