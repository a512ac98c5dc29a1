package io.caesarrest.api.quota;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Per-user quotas; each is off while unset.
 *
 * @param maxStoredBytes the most a user may store in uploaded files; an upload beyond it
 * gets 413
 * @param maxRunningJobs the most jobs a user may have pending, started or running at
 * once; one more submission gets 429
 * @param maxSubmissionsPerMinute the most jobs a user may submit in any 60 seconds; one
 * more gets 429
 * @param retryAfterRunning the {@code Retry-After} advised when the running-jobs quota
 * refuses a submission
 */
@ConfigurationProperties("caesar.quota")
public record QuotaProperties(DataSize maxStoredBytes, Integer maxRunningJobs, Integer maxSubmissionsPerMinute,
		@DefaultValue("30s") Duration retryAfterRunning) {

	public QuotaProperties {
		if (maxStoredBytes != null && maxStoredBytes.isNegative()) {
			throw new IllegalArgumentException("caesar.quota.max-stored-bytes must not be negative");
		}
		if ((maxRunningJobs != null && maxRunningJobs < 0)
				|| (maxSubmissionsPerMinute != null && maxSubmissionsPerMinute < 0)) {
			throw new IllegalArgumentException("caesar.quota job limits must not be negative");
		}
	}

}
