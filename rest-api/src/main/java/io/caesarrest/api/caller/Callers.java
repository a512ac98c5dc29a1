package io.caesarrest.api.caller;

import io.caesarrest.api.security.AuthProperties;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves the identity of the current caller: the user named by the bearer token when
 * authentication is on; {@code anonymous}, as in the original service, when it is off.
 */
@Component
public class Callers {

	/** The identity of users when authentication is off. */
	public static final String ANONYMOUS = "anonymous";

	private static final String ADMIN = "ROLE_ADMIN";

	private final boolean enabled;

	public Callers(AuthProperties properties) {
		this.enabled = properties.enabled();
	}

	/**
	 * The current caller's identity, never null.
	 * @throws IllegalStateException if authentication is on and the request was not
	 * authenticated, which the security filter chain prevents
	 */
	public String current() {
		if (!this.enabled) {
			return ANONYMOUS;
		}
		return authentication().getName();
	}

	/**
	 * Whether the current caller has the admin role (service-wide figures, others'
	 * accounting, cancel of any job). Without authentication the one caller is admin.
	 */
	public boolean isAdmin() {
		return !this.enabled
				|| authentication().getAuthorities().stream().anyMatch((a) -> ADMIN.equals(a.getAuthority()));
	}

	/** The current caller, or null outside an authenticated request. */
	public String currentOrNull() {
		if (!this.enabled) {
			return ANONYMOUS;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return isAuthenticated(authentication) ? authentication.getName() : null;
	}

	private static Authentication authentication() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!isAuthenticated(authentication)) {
			throw new IllegalStateException("No authenticated caller");
		}
		return authentication;
	}

	private static boolean isAuthenticated(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
