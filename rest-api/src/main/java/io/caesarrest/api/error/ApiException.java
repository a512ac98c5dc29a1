package io.caesarrest.api.error;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A client-visible failure: an HTTP status, a human message and optional extra fields.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final Map<String, Object> details;

	public ApiException(HttpStatus status, String message, Map<String, Object> details) {
		super(message);
		this.status = status;
		this.details = Map.copyOf(details);
	}

	public ApiException(HttpStatus status, String message) {
		this(status, message, Map.of());
	}

	public HttpStatus status() {
		return this.status;
	}

	public Map<String, Object> details() {
		return this.details;
	}

	public static ApiException badRequest(String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, message);
	}

	public static ApiException notFound(String message) {
		return new ApiException(HttpStatus.NOT_FOUND, message);
	}

}
