package io.caesarrest.finder.background;

/**
 * Fills grid nodes without statistics (NaN, or zero noise) from their valid neighbours.
 */
final class NodeFiller {

	private NodeFiller() {
	}

	static void fill(float[] background, float[] noise, int nodesX, int nodesY) {
		boolean any = false;
		for (int k = 0; k < noise.length; k++) {
			if (!(noise[k] > 0) || Float.isNaN(background[k])) {
				background[k] = Float.NaN;
				noise[k] = Float.NaN;
			}
			else {
				any = true;
			}
		}
		if (!any) {
			throw new IllegalArgumentException("image has no valid pixels to estimate the noise");
		}
		boolean missing = true;
		while (missing) {
			missing = pass(background, noise, nodesX, nodesY);
		}
	}

	private static boolean pass(float[] background, float[] noise, int nodesX, int nodesY) {
		float[] sourceBackground = background.clone();
		float[] sourceNoise = noise.clone();
		boolean missing = false;
		for (int j = 0; j < nodesY; j++) {
			for (int i = 0; i < nodesX; i++) {
				int k = j * nodesX + i;
				if (Float.isNaN(sourceNoise[k])) {
					missing |= !average(sourceBackground, sourceNoise, background, noise, nodesX, nodesY, i, j);
				}
			}
		}
		return missing;
	}

	private static boolean average(float[] srcB, float[] srcN, float[] background, float[] noise, int nodesX,
			int nodesY, int i, int j) {
		double sumB = 0;
		double sumN = 0;
		int n = 0;
		for (int dj = -1; dj <= 1; dj++) {
			for (int di = -1; di <= 1; di++) {
				int ii = i + di;
				int jj = j + dj;
				if (ii >= 0 && jj >= 0 && ii < nodesX && jj < nodesY && !Float.isNaN(srcN[jj * nodesX + ii])) {
					sumB += srcB[jj * nodesX + ii];
					sumN += srcN[jj * nodesX + ii];
					n++;
				}
			}
		}
		if (n == 0) {
			return false;
		}
		background[j * nodesX + i] = (float) (sumB / n);
		noise[j * nodesX + i] = (float) (sumN / n);
		return true;
	}

}
