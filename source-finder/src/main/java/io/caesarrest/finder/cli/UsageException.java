package io.caesarrest.finder.cli;

/**
 * Thrown for invalid command line arguments.
 */
class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
