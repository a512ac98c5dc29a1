package io.caesarrest.app;

/**
 * Thrown when an app descriptor cannot be read or breaks a rule of the descriptor schema.
 */
public class InvalidAppDescriptorException extends RuntimeException {

	/**
	 * Create an exception for a descriptor file.
	 * @param source the descriptor's file or resource
	 * @param message what is wrong, naming the field
	 */
	public InvalidAppDescriptorException(String source, String message) {
		super("Invalid app descriptor " + source + ": " + message);
	}

	/**
	 * Create an exception for a descriptor file, with the failure that revealed it.
	 * @param source the descriptor's file or resource
	 * @param message what is wrong, naming the field
	 * @param cause the underlying failure
	 */
	public InvalidAppDescriptorException(String source, String message, Throwable cause) {
		super("Invalid app descriptor " + source + ": " + message, cause);
	}

}
