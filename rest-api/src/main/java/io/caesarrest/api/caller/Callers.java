package io.caesarrest.api.caller;

import org.springframework.stereotype.Component;

/**
 * Resolves the identity of the current caller. Without authentication every caller is
 * {@code anonymous}, as in the original service.
 */
@Component
public class Callers {

	/** The identity of users when authentication is off. */
	public static final String ANONYMOUS = "anonymous";

	/** The current caller's identity, never null. */
	public String current() {
		return ANONYMOUS;
	}

}
