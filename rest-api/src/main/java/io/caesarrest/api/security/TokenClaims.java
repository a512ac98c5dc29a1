package io.caesarrest.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the caller's identity and roles from a token's claims, as configured by
 * {@link AuthProperties}: the same rules for JWTs and for introspected opaque tokens.
 */
final class TokenClaims {

	private static final int MAX_USER_LENGTH = 256;

	private final AuthProperties properties;

	TokenClaims(AuthProperties properties) {
		this.properties = properties;
	}

	/**
	 * The user id: the first of the user claim and the fallback claims that is a
	 * non-blank string of printable characters.
	 * @param claims the token's claims
	 * @return the user id, empty if the token names no usable user
	 */
	Optional<String> user(Map<String, Object> claims) {
		List<String> names = new ArrayList<>();
		names.add(this.properties.userClaim());
		names.addAll(this.properties.fallbackClaims());
		for (String name : names) {
			if (claims.get(name) instanceof String value && isUsable(value.strip())) {
				return Optional.of(value.strip());
			}
		}
		return Optional.empty();
	}

	/** Whether the admin claim holds one of the admin values. */
	boolean isAdmin(Map<String, Object> claims) {
		String claim = this.properties.adminClaim();
		if (claim == null || claim.isBlank() || this.properties.adminValues().isEmpty()) {
			return false;
		}
		Object value = claims.containsKey(claim) ? claims.get(claim) : nested(claims, claim);
		if (value instanceof Collection<?> values) {
			return values.stream().anyMatch((v) -> this.properties.adminValues().contains(String.valueOf(v)));
		}
		return value != null && this.properties.adminValues().contains(String.valueOf(value));
	}

	/** The names of the claims tried for the user id, for error messages. */
	String userClaimNames() {
		List<String> names = new ArrayList<>(List.of(this.properties.userClaim()));
		names.addAll(this.properties.fallbackClaims());
		return String.join(", ", names);
	}

	private static Object nested(Map<String, Object> claims, String path) {
		Object current = claims;
		for (String part : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(part);
		}
		return current;
	}

	private static boolean isUsable(String value) {
		return !value.isEmpty() && value.length() <= MAX_USER_LENGTH
				&& value.codePoints().noneMatch((c) -> Character.isISOControl(c) || Character.isWhitespace(c));
	}

}
