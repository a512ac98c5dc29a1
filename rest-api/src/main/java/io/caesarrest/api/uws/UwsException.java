package io.caesarrest.api.uws;

import org.springframework.http.HttpStatus;

/**
 * A UWS request that cannot be served: answered with its status and a plain-text message,
 * as UWS clients expect.
 */
class UwsException extends RuntimeException {

	private final HttpStatus status;

	UwsException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

	static UwsException badRequest(String message) {
		return new UwsException(HttpStatus.BAD_REQUEST, message);
	}

	static UwsException notFound(String message) {
		return new UwsException(HttpStatus.NOT_FOUND, message);
	}

}
