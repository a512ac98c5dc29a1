package io.caesarrest.fits;

/**
 * Thrown when a file that should be FITS is not.
 */
public class NotFitsException extends RuntimeException {

	public NotFitsException(String message) {
		super(message);
	}

	public NotFitsException(String message, Throwable cause) {
		super(message, cause);
	}

}
