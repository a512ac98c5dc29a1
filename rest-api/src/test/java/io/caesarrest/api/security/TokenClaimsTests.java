package io.caesarrest.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which claim names the user and which make an admin.
 */
class TokenClaimsTests {

	static TokenClaims claims(String adminClaim, List<String> adminValues) {
		return new TokenClaims(new AuthProperties(true, "email", List.of("preferred_username", "sub"), null, adminClaim,
				adminValues, Duration.ofSeconds(60)));
	}

	@Test
	void takesTheUserClaimThenTheFallbacksInOrder() {
		TokenClaims claims = claims(null, null);
		assertThat(claims.user(Map.of("email", "a@x.org", "preferred_username", "a", "sub", "1"))).hasValue("a@x.org");
		assertThat(claims.user(Map.of("email", " ", "preferred_username", "a", "sub", "1"))).hasValue("a");
		assertThat(claims.user(Map.of("sub", "1"))).hasValue("1");
	}

	@Test
	void refusesUnusableUserNames() {
		TokenClaims claims = claims(null, null);
		assertThat(claims.user(Map.of())).isEmpty();
		assertThat(claims.user(Map.of("email", "a\nb@x.org"))).isEmpty();
		assertThat(claims.user(Map.of("email", "x".repeat(300)))).isEmpty();
		assertThat(claims.user(Map.of("email", List.of("a@x.org")))).isEmpty();
	}

	@Test
	void findsAdminValuesInListsStringsAndNestedClaims() {
		assertThat(claims("groups", List.of("admins")).isAdmin(Map.of("groups", List.of("users", "admins")))).isTrue();
		assertThat(claims("groups", List.of("admins")).isAdmin(Map.of("groups", "admins"))).isTrue();
		assertThat(claims("realm_access.roles", List.of("caesar-admin"))
			.isAdmin(Map.of("realm_access", Map.of("roles", List.of("caesar-admin"))))).isTrue();
		assertThat(claims("groups", List.of("admins")).isAdmin(Map.of("groups", List.of("users")))).isFalse();
		assertThat(claims("groups", List.of()).isAdmin(Map.of("groups", List.of("admins")))).isFalse();
		assertThat(claims(null, List.of("admins")).isAdmin(Map.of("groups", List.of("admins")))).isFalse();
	}

}
