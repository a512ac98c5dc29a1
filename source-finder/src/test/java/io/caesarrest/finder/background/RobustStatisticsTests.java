package io.caesarrest.finder.background;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RobustStatisticsTests {

	@Test
	void computesMedianOfOddAndEvenCounts() {
		assertThat(RobustStatistics.median(new float[] { 5, 1, 3 }, 3)).isEqualTo(3.0);
		assertThat(RobustStatistics.median(new float[] { 4, 1, 3, 2 }, 4)).isEqualTo(2.5);
		assertThat(RobustStatistics.select(new float[] { 9, 7, 8, 1, 1, 5 }, 6, 4)).isEqualTo(8f);
	}

	@Test
	void clippedStatisticsIgnoreBrightOutliers() {
		SplittableRandom random = new SplittableRandom(3);
		int n = 4000;
		float[] values = new float[n];
		for (int i = 0; i < n; i++) {
			values[i] = (float) (10 + 2 * random.nextGaussian());
		}
		for (int i = 0; i < n / 10; i++) {
			values[i] = 500 + i;
		}
		double[] stats = RobustStatistics.clippedMedianSigma(values, n, new float[n], 3, 5);
		assertThat(stats[0]).isCloseTo(10, within(0.3));
		assertThat(stats[1]).isCloseTo(2, within(0.15));
	}

}
