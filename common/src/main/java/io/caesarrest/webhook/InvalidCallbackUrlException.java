package io.caesarrest.webhook;

/**
 * A {@code callback_url} this service will not post to; the message says why.
 */
public class InvalidCallbackUrlException extends RuntimeException {

	public InvalidCallbackUrlException(String message) {
		super(message);
	}

}
