package io.caesarrest.api.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caesarrest.file.DataFileRepository;
import io.caesarrest.job.JobRepository;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks the per-user quotas against the store, so that every API replica sees the same
 * usage. Checks and the writes they guard are not one transaction: requests racing each
 * other may overshoot a quota by what they carry.
 */
@Component
public class Quotas {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final QuotaProperties properties;

	private final DataFileRepository files;

	private final JobRepository jobs;

	private final Clock clock = Clock.systemUTC();

	Quotas(QuotaProperties properties, DataFileRepository files, JobRepository jobs) {
		this.properties = properties;
		this.files = files;
		this.jobs = jobs;
	}

	/**
	 * The bytes a user may still upload.
	 * @param owner the user
	 * @return the allowance, {@link Long#MAX_VALUE} without a storage quota
	 * @throws QuotaExceededException if nothing more may be stored
	 */
	public long uploadAllowance(String owner) {
		if (this.properties.maxStoredBytes() == null) {
			return Long.MAX_VALUE;
		}
		long stored = this.files.storedBytes(owner);
		long allowance = this.properties.maxStoredBytes().toBytes() - stored;
		if (allowance <= 0) {
			throw storageExceeded(stored);
		}
		return allowance;
	}

	/**
	 * The refusal of an upload that would take the user past the storage quota.
	 * @param stored what the user stores now, bytes
	 * @return the exception to throw
	 */
	public QuotaExceededException storageExceeded(long stored) {
		return new QuotaExceededException(HttpStatus.PAYLOAD_TOO_LARGE,
				"Storage quota exceeded: you store " + stored + " bytes and your quota is "
						+ this.properties.maxStoredBytes().toBytes() + " bytes; delete files to upload more",
				null);
	}

	/** The refusal of an upload that would take the user past the storage quota. */
	public QuotaExceededException storageExceeded(String owner) {
		return storageExceeded(this.files.storedBytes(owner));
	}

	/**
	 * Checks that a user may submit one more job now.
	 * @param owner the user
	 * @throws QuotaExceededException (429) if the running-jobs or the submission-rate
	 * quota would be exceeded
	 */
	public void checkSubmission(String owner) {
		Integer maxRunning = this.properties.maxRunningJobs();
		if (maxRunning != null) {
			long active = this.jobs.countActiveByOwner(owner);
			if (active >= maxRunning) {
				throw new QuotaExceededException(HttpStatus.TOO_MANY_REQUESTS,
						"Too many running jobs: you have " + active + " pending or running and your quota is "
								+ maxRunning + "; wait for one to end or cancel one",
						this.properties.retryAfterRunning());
			}
		}
		Integer maxRate = this.properties.maxSubmissionsPerMinute();
		if (maxRate != null) {
			Instant now = this.clock.instant();
			List<Instant> recent = this.jobs.submitDatesSince(owner, now.minus(MINUTE));
			if (recent.size() >= maxRate) {
				Instant free = recent.get(recent.size() - maxRate).plus(MINUTE);
				throw new QuotaExceededException(
						HttpStatus.TOO_MANY_REQUESTS, "Too many submissions: " + recent.size()
								+ " in the last minute and your quota is " + maxRate + " per minute; retry later",
						Duration.between(now, free).plusMillis(999));
			}
		}
	}

	/**
	 * A user's quotas and current usage, for {@code /accounting}; a limit is null when
	 * unset.
	 * @param owner the user
	 * @return the figures
	 */
	public Map<String, Object> usage(String owner) {
		Map<String, Object> usage = new LinkedHashMap<>();
		usage.put("max_stored_bytes",
				(this.properties.maxStoredBytes() != null) ? this.properties.maxStoredBytes().toBytes() : null);
		usage.put("stored_bytes", this.files.storedBytes(owner));
		usage.put("max_running_jobs", this.properties.maxRunningJobs());
		usage.put("running_jobs", this.jobs.countActiveByOwner(owner));
		usage.put("max_submissions_per_minute", this.properties.maxSubmissionsPerMinute());
		usage.put("submissions_last_minute",
				this.jobs.submitDatesSince(owner, this.clock.instant().minus(MINUTE)).size());
		return usage;
	}

}
