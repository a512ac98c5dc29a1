package io.caesarrest.app;

import java.util.List;

/**
 * Thrown when job options break an app's option schema; lists every problem found.
 */
public class InvalidJobOptionsException extends RuntimeException {

	private final List<String> problems;

	/**
	 * Create an exception for the problems found in one request's options.
	 * @param problems human messages, one per problem, at least one
	 */
	public InvalidJobOptionsException(List<String> problems) {
		super("Invalid job options: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Return every problem found.
	 * @return the problems, one human message each
	 */
	public List<String> problems() {
		return this.problems;
	}

}
