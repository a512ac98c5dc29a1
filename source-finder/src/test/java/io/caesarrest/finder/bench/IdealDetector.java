package io.caesarrest.finder.bench;

import java.util.List;

import io.caesarrest.finder.simulate.TruthSource;

/**
 * The ideal detector that knows the positions: a source of true S/N s is detected at a
 * threshold t when s plus unit Gaussian noise reaches t, with probability Φ(s − t); its
 * completeness in a bin is the mean of that probability over the injected sources.
 */
final class IdealDetector {

	private IdealDetector() {
	}

	static double completeness(List<TruthSource> truth, double threshold, double lo, double hi) {
		double sum = 0;
		int count = 0;
		for (TruthSource source : truth) {
			if (source.snr() >= lo && source.snr() < hi) {
				sum += normalCdf(source.snr() - threshold);
				count++;
			}
		}
		return (count > 0) ? sum / count : Double.NaN;
	}

	/** Standard normal distribution function (Abramowitz and Stegun 7.1.26). */
	static double normalCdf(double x) {
		double z = Math.abs(x) / Math.sqrt(2);
		double t = 1 / (1 + 0.3275911 * z);
		double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
		double erf = 1 - poly * Math.exp(-z * z);
		return 0.5 * (1 + Math.copySign(erf, x));
	}

}
