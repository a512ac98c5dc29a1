package io.caesarrest.finder.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.TruthSource;

/**
 * Completeness, reliability, flux and position accuracy of detections against truth, as
 * defined in docs/decisions.md.
 */
public final class Scorecard {

	private final List<TruthSource> truth;

	private final List<Detection> detections;

	private final CrossMatch match;

	private final double beamPixels;

	/**
	 * Scores detections.
	 * @param truth the true sources
	 * @param detections the detections
	 * @param beamPixels the beam FWHM in pixels (the match radius)
	 */
	public Scorecard(List<TruthSource> truth, List<Detection> detections, double beamPixels) {
		this.truth = truth;
		this.detections = detections;
		this.beamPixels = beamPixels;
		this.match = new CrossMatch(truth, detections, beamPixels);
	}

	/**
	 * Returns the fraction of true sources with {@code lo <= snr < hi} that are matched.
	 * @param lo lower S/N bound
	 * @param hi upper S/N bound
	 * @return the completeness (NaN for an empty bin)
	 */
	public double completeness(double lo, double hi) {
		int total = 0;
		int found = 0;
		for (int t = 0; t < this.truth.size(); t++) {
			double snr = this.truth.get(t).snr();
			if (snr >= lo && snr < hi) {
				total++;
				found += (this.match.detectionOf(t) >= 0) ? 1 : 0;
			}
		}
		return (total > 0) ? (double) found / total : Double.NaN;
	}

	/**
	 * Returns matched over reported detections with reported S/N at least {@code minSnr},
	 * leaving out unmatched fragments inside true extended sources.
	 * @param minSnr the reported S/N cut
	 * @return the reliability
	 */
	public double reliability(double minSnr) {
		return reliability(minSnr, Double.POSITIVE_INFINITY);
	}

	/**
	 * Returns matched over reported detections with reported S/N in {@code [lo, hi)},
	 * leaving out unmatched fragments inside true extended sources.
	 * @param lo the lower reported S/N bound
	 * @param hi the upper reported S/N bound
	 * @return the reliability (NaN when nothing is reported in the bin)
	 */
	public double reliability(double lo, double hi) {
		int reported = 0;
		int matched = 0;
		for (int d = 0; d < this.detections.size(); d++) {
			double snr = this.detections.get(d).snr();
			if (snr < lo || snr >= hi) {
				continue;
			}
			boolean isMatched = this.match.truthOf(d) >= 0;
			if (!isMatched && insideExtended(this.detections.get(d))) {
				continue;
			}
			reported++;
			matched += isMatched ? 1 : 0;
		}
		return (reported > 0) ? (double) matched / reported : Double.NaN;
	}

	/**
	 * Returns the number of unmatched detections above a reported S/N (false or
	 * fragments).
	 * @param minSnr the reported S/N cut
	 * @return the count
	 */
	public int unmatched(double minSnr) {
		int count = 0;
		for (int d = 0; d < this.detections.size(); d++) {
			count += (this.detections.get(d).snr() >= minSnr && this.match.truthOf(d) < 0) ? 1 : 0;
		}
		return count;
	}

	private boolean insideExtended(Detection d) {
		for (TruthSource t : this.truth) {
			if ("extended".equals(t.kind())) {
				double majorPixels = t.major() / SimulationOptions.PIXEL_ARCSEC;
				if (Math.hypot(t.x() - d.x(), t.y() - d.y()) <= majorPixels) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Returns measured over true integrated flux for matched isolated point sources above
	 * an S/N.
	 * @param minSnr the true S/N cut
	 * @return the ratios
	 */
	public double[] fluxRatios(double minSnr) {
		List<Double> ratios = new ArrayList<>();
		for (int t : isolatedPoints(minSnr)) {
			int d = this.match.detectionOf(t);
			if (d >= 0) {
				ratios.add(this.detections.get(d).intFlux() / this.truth.get(t).intFlux());
			}
		}
		return ratios.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/**
	 * Returns the position offsets in pixels of matched isolated point sources above an
	 * S/N.
	 * @param minSnr the true S/N cut
	 * @return the offsets
	 */
	public double[] positionErrors(double minSnr) {
		List<Double> errors = new ArrayList<>();
		for (int t : isolatedPoints(minSnr)) {
			int d = this.match.detectionOf(t);
			if (d >= 0) {
				Detection det = this.detections.get(d);
				errors.add(Math.hypot(det.x() - this.truth.get(t).x(), det.y() - this.truth.get(t).y()));
			}
		}
		return errors.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private List<Integer> isolatedPoints(double minSnr) {
		List<Integer> result = new ArrayList<>();
		double radius = 3 * this.beamPixels;
		for (int t = 0; t < this.truth.size(); t++) {
			TruthSource s = this.truth.get(t);
			if ("point".equals(s.kind()) && s.snr() > minSnr && isolated(t, radius)) {
				result.add(t);
			}
		}
		return result;
	}

	private boolean isolated(int index, double radius) {
		TruthSource s = this.truth.get(index);
		for (int o = 0; o < this.truth.size(); o++) {
			TruthSource other = this.truth.get(o);
			if (o != index && other.snr() > 1 && Math.abs(other.x() - s.x()) < radius
					&& Math.hypot(other.x() - s.x(), other.y() - s.y()) < radius) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns the median of values.
	 * @param values the values
	 * @return the median, NaN when empty
	 */
	public static double median(double[] values) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
	}

	/**
	 * Returns 1.4826 times the median absolute deviation.
	 * @param values the values
	 * @return the robust scatter
	 */
	public static double robustScatter(double[] values) {
		double median = median(values);
		double[] deviations = Arrays.stream(values).map((v) -> Math.abs(v - median)).toArray();
		return 1.4826 * median(deviations);
	}

}
