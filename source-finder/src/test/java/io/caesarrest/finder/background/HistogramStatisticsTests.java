package io.caesarrest.finder.background;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HistogramStatisticsTests {

	@Test
	void agreesWithSelectionBasedStatistics() {
		SplittableRandom random = new SplittableRandom(11);
		int n = 1600;
		float[] values = new float[n];
		for (int i = 0; i < n; i++) {
			values[i] = (float) ((i % 40 == 0) ? 50 + random.nextDouble() * 100 : -3 + 0.5 * random.nextGaussian());
		}
		double[] exact = RobustStatistics.clippedMedianSigma(values.clone(), n, new float[n], 3, 2);
		double[] histogram = new HistogramStatistics().clippedMedianSigma(values.clone(), n, 3, 2);
		assertThat(histogram[0]).isCloseTo(exact[0], within(0.01));
		assertThat(histogram[1]).isCloseTo(exact[1], within(0.01));
		assertThat(histogram[1]).isCloseTo(0.5, within(0.04));
	}

	@Test
	void estimatesGaussianSigmaMoreTightlyThanTheMad() {
		SplittableRandom random = new SplittableRandom(5);
		HistogramStatistics statistics = new HistogramStatistics();
		int trials = 200;
		int n = 400;
		double sum = 0;
		double sumSquares = 0;
		double madSumSquares = 0;
		for (int t = 0; t < trials; t++) {
			float[] values = new float[n];
			for (int i = 0; i < n; i++) {
				values[i] = (float) random.nextGaussian();
			}
			double sigma = statistics.clippedMedianSigma(values.clone(), n, 3, 2)[1];
			double mad = RobustStatistics.clippedMedianSigma(values, n, new float[n], 3, 2)[1];
			sum += sigma;
			sumSquares += (sigma - 1) * (sigma - 1);
			madSumSquares += (mad - 1) * (mad - 1);
		}
		assertThat(sum / trials).isCloseTo(1.0, within(0.01));
		assertThat(Math.sqrt(sumSquares / trials)).isLessThan(0.75 * Math.sqrt(madSumSquares / trials));
		assertThat(HistogramStatistics.truncatedDeviation(3)).isCloseTo(0.98658, within(1e-4));
	}

	@Test
	void fallsBackForConstantValues() {
		float[] values = new float[100];
		java.util.Arrays.fill(values, 2f);
		double[] stats = new HistogramStatistics().clippedMedianSigma(values, 100, 3, 2);
		assertThat(stats[0]).isEqualTo(2.0);
		assertThat(stats[1]).isZero();
	}

}
