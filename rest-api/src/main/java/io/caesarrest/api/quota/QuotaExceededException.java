package io.caesarrest.api.quota;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A request refused by a quota: 413 for storage, 429 for jobs, with the time after which
 * a retry may pass.
 */
public class QuotaExceededException extends RuntimeException {

	private final HttpStatus status;

	private final Duration retryAfter;

	QuotaExceededException(HttpStatus status, String message, Duration retryAfter) {
		super(message);
		this.status = status;
		this.retryAfter = retryAfter;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** When a retry may pass; null when only the user's action (a delete) can help. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
