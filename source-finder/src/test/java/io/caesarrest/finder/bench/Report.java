package io.caesarrest.finder.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.caesarrest.finder.simulate.TruthSource;

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

	/**
	 * Prints completeness per true S/N bin for sfinder, SExtractor (when run) and the
	 * ideal detector at sfinder's seed and at 5 sigma, and reliability per reported S/N
	 * bin.
	 */
	static void bins(List<TruthSource> truth, Scorecard finder, Scorecard sextractor, double seed) {
		double[] edges = { 2, 3, 4, 5, 6, 7, 10, 20, 50, Double.POSITIVE_INFINITY };
		System.out.printf(Locale.ROOT,
				"| S/N bin | injected | C sfinder | C SExtractor | C ideal at %.2fσ | C ideal at 5σ "
						+ "| R sfinder | R SExtractor |%n",
				seed);
		System.out.println("|---|---|---|---|---|---|---|---|");
		for (int b = 0; b + 1 < edges.length; b++) {
			double lo = edges[b];
			double hi = edges[b + 1];
			long injected = truth.stream().filter((t) -> t.snr() >= lo && t.snr() < hi).count();
			System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %s | %.3f | %.3f | %s | %s |%n", bin(lo, hi), injected,
					finder.completeness(lo, hi), format(sextractor, (s) -> s.completeness(lo, hi), "%.3f"),
					IdealDetector.completeness(truth, seed, lo, hi), IdealDetector.completeness(truth, 5, lo, hi),
					format(finder, (s) -> s.reliability(lo, hi), "%.4f"),
					format(sextractor, (s) -> s.reliability(lo, hi), "%.4f"));
		}
		System.out.println("(C: completeness by true S/N; R: reliability of the components reported in the bin, "
				+ "by reported S/N)");
	}

	private static String bin(double lo, double hi) {
		return Double.isInfinite(hi) ? String.format(Locale.ROOT, ">= %.0f", lo)
				: String.format(Locale.ROOT, "%.0f-%.0f", lo, hi);
	}

	private static String format(Scorecard score, ToDoubleFunction<Scorecard> value, String pattern) {
		if (score == null) {
			return "—";
		}
		double v = value.applyAsDouble(score);
		return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, pattern, v);
	}

	static void curveRow(String finder, double seed, Scorecard score, int reported) {
		System.out.printf(Locale.ROOT, "| %s | %.1f | %.3f | %.3f | %.3f | %.4f | %d |%n", finder, seed,
				score.completeness(5, 7), score.completeness(7, 10), score.completeness(10, Double.POSITIVE_INFINITY),
				score.reliability(0), reported);
	}

}
