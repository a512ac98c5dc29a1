package io.caesarrest.finder.bench;

import java.util.Locale;

/**
 * Prints benchmark figures for one finder.
 */
final class Report {

	private Report() {
	}

	static void print(String finder, Scorecard score, int reported) {
		double[] ratios = score.fluxRatios(10);
		double[] offsets = score.positionErrors(10);
		System.out.printf(Locale.ROOT,
				"%s: reported %d; completeness S/N 5-7 %.3f, 7-10 %.3f, >=10 %.3f; reliability %.4f (%d unmatched), "
						+ "over reported S/N>=5 %.4f (%d unmatched); flux ratio (isolated points S/N>10, n=%d) median %.3f scatter %.3f; "
						+ "median position error %.3f px%n",
				finder, reported, score.completeness(5, 7), score.completeness(7, 10),
				score.completeness(10, Double.POSITIVE_INFINITY), score.reliability(0), score.unmatched(0),
				score.reliability(5), score.unmatched(5), ratios.length, Scorecard.median(ratios),
				Scorecard.robustScatter(ratios), Scorecard.median(offsets));
	}

	static void curveRow(String finder, double seed, Scorecard score, int reported) {
		System.out.printf(Locale.ROOT, "| %s | %.1f | %.3f | %.3f | %.3f | %.4f | %d |%n", finder, seed,
				score.completeness(5, 7), score.completeness(7, 10), score.completeness(10, Double.POSITIVE_INFINITY),
				score.reliability(0), reported);
	}

}
