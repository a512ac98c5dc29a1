package io.caesarrest.finder.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SeedChoiceTests {

	@Test
	void choosesTheLowestSeedWhoseFalseFractionStaysWithinTheTarget() {
		float[] positive = new float[1000];
		for (int i = 0; i < positive.length; i++) {
			positive[i] = 5.5f + i * 0.01f;
		}
		float[] negative = { 4.06f, 4.11f, 4.16f, 4.21f, 4.23f, 4.26f, 4.31f, 4.32f, 4.33f, 4.34f, 4.36f, 4.61f, 4.71f,
				4.81f, 4.91f, 5.11f };
		SeedChoice choice = SeedChoice.choose(positive, negative, 4.0, 5.0, 0.01);
		assertThat(choice.seedThreshold()).isCloseTo(4.3, within(1e-9));
		assertThat(choice.falseEstimate()).isEqualTo(10);
		assertThat(choice.reported()).isEqualTo(1000);
		assertThat(choice.estimatedFdr()).isCloseTo(0.01, within(1e-9));
	}

	@Test
	void keepsTheHighestSeedWhenTheFalseFractionIsTooHighEverywhere() {
		float[] positive = { 4.5f, 6f, 7f };
		float[] negative = { 4.5f, 5.5f };
		SeedChoice choice = SeedChoice.choose(positive, negative, 4.0, 5.0, 0.01);
		assertThat(choice.seedThreshold()).isEqualTo(5.0);
		assertThat(choice.falseEstimate()).isEqualTo(1);
		assertThat(choice.reported()).isEqualTo(2);
	}

	@Test
	void reportsTheFalseEstimateOfAFixedSeed() {
		SeedChoice choice = SeedChoice.fixed(new float[] { 5f, 6f, 7f, 8f }, new float[] { 4.9f, 5.2f }, 5.0);
		assertThat(choice.falseEstimate()).isEqualTo(1);
		assertThat(choice.estimatedFdr()).isCloseTo(0.25, within(1e-9));
		assertThat(choice.fdr()).isZero();
	}

}
