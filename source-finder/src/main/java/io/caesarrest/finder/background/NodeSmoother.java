package io.caesarrest.finder.background;

import java.util.Arrays;

/**
 * Replaces each grid node by the median of its 3 × 3 neighbourhood (as SExtractor's
 * BACK_FILTERSIZE 3 does). A box's noise estimate is uncertain by several per cent, and
 * the number of noise peaks above a threshold grows steeply when the noise is
 * underestimated, so the smoother grid gives fewer false detections for the same
 * completeness.
 */
final class NodeSmoother {

	private NodeSmoother() {
	}

	static float[] smooth(float[] values, int nodesX, int nodesY) {
		if (nodesX < 3 && nodesY < 3) {
			return values;
		}
		float[] smoothed = new float[values.length];
		float[] window = new float[9];
		for (int j = 0; j < nodesY; j++) {
			for (int i = 0; i < nodesX; i++) {
				int n = 0;
				for (int dj = -1; dj <= 1; dj++) {
					for (int di = -1; di <= 1; di++) {
						int ii = Math.max(0, Math.min(nodesX - 1, i + di));
						int jj = Math.max(0, Math.min(nodesY - 1, j + dj));
						window[n++] = values[jj * nodesX + ii];
					}
				}
				Arrays.sort(window, 0, n);
				smoothed[j * nodesX + i] = window[n / 2];
			}
		}
		return smoothed;
	}

}
