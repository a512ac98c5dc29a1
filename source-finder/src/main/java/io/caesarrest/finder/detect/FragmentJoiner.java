package io.caesarrest.finder.detect;

import java.util.List;

/**
 * Joins the fragments of one merged group into an island if it holds a seed and is large
 * enough.
 */
final class FragmentJoiner {

	private FragmentJoiner() {
	}

	static Island join(List<Fragment> group, DetectionSettings settings) {
		int size = 0;
		float max = Float.NEGATIVE_INFINITY;
		boolean border = false;
		boolean blank = false;
		for (Fragment fragment : group) {
			size += fragment.pixels().length;
			max = Math.max(max, fragment.maxSignificance());
			border |= fragment.touchesBorder();
			blank |= fragment.touchesBlank();
		}
		if (max < settings.seedThreshold() || size < settings.minPixels()) {
			return null;
		}
		int[] pixels = new int[size];
		float[] fluxes = new float[size];
		float[] noise = new float[size];
		int offset = 0;
		for (Fragment fragment : group) {
			int n = fragment.pixels().length;
			System.arraycopy(fragment.pixels(), 0, pixels, offset, n);
			System.arraycopy(fragment.fluxes(), 0, fluxes, offset, n);
			System.arraycopy(fragment.noise(), 0, noise, offset, n);
			offset += n;
		}
		return new Island(pixels, fluxes, noise, border, blank, max);
	}

}
