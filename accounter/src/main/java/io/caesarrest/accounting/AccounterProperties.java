package io.caesarrest.accounting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the accounter.
 *
 * @param enabled whether this process runs the accounter's periodic pass (the stored
 * figures stay readable either way)
 * @param period time between the end of one pass and the start of the next
 * @param initialDelay time between startup and the first pass
 */
@ConfigurationProperties("caesar.accounter")
public record AccounterProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration period,
		@DefaultValue("10s") Duration initialDelay) {

	public AccounterProperties {
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("caesar.accounter.period must be positive, got " + period);
		}
		if (initialDelay.isNegative()) {
			throw new IllegalArgumentException("caesar.accounter.initial-delay must not be negative");
		}
	}

}
