package io.caesarrest.finder.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.caesarrest.finder.simulate.TruthSource;

/**
 * One-to-one positional cross-match, nearest pairs first, within a radius in pixels.
 */
public final class CrossMatch {

	private final int[] truthToDetection;

	private final int[] detectionToTruth;

	/**
	 * Matches detections to truth.
	 * @param truth the true sources
	 * @param detections the detections
	 * @param radius the match radius in pixels
	 */
	public CrossMatch(List<TruthSource> truth, List<Detection> detections, double radius) {
		this.truthToDetection = new int[truth.size()];
		this.detectionToTruth = new int[detections.size()];
		Arrays.fill(this.truthToDetection, -1);
		Arrays.fill(this.detectionToTruth, -1);
		Map<Long, List<Integer>> grid = new HashMap<>();
		for (int i = 0; i < truth.size(); i++) {
			grid.computeIfAbsent(cell(truth.get(i).x(), truth.get(i).y(), radius), (k) -> new ArrayList<>()).add(i);
		}
		List<double[]> pairs = new ArrayList<>();
		for (int d = 0; d < detections.size(); d++) {
			Detection det = detections.get(d);
			long cx = (long) Math.floor(det.x() / radius);
			long cy = (long) Math.floor(det.y() / radius);
			for (long dy = -1; dy <= 1; dy++) {
				for (long dx = -1; dx <= 1; dx++) {
					for (int t : grid.getOrDefault(((cy + dy) << 32) ^ (cx + dx), List.of())) {
						double distance = Math.hypot(truth.get(t).x() - det.x(), truth.get(t).y() - det.y());
						if (distance <= radius) {
							pairs.add(new double[] { distance, t, d });
						}
					}
				}
			}
		}
		pairs.sort((a, b) -> Double.compare(a[0], b[0]));
		for (double[] pair : pairs) {
			int t = (int) pair[1];
			int d = (int) pair[2];
			if (this.truthToDetection[t] < 0 && this.detectionToTruth[d] < 0) {
				this.truthToDetection[t] = d;
				this.detectionToTruth[d] = t;
			}
		}
	}

	private static long cell(double x, double y, double radius) {
		return ((long) Math.floor(y / radius) << 32) ^ (long) Math.floor(x / radius);
	}

	/**
	 * Returns the detection matched to a true source, or -1.
	 * @param truthIndex the truth index
	 * @return the detection index or -1
	 */
	public int detectionOf(int truthIndex) {
		return this.truthToDetection[truthIndex];
	}

	/**
	 * Returns the true source matched to a detection, or -1.
	 * @param detectionIndex the detection index
	 * @return the truth index or -1
	 */
	public int truthOf(int detectionIndex) {
		return this.detectionToTruth[detectionIndex];
	}

}
