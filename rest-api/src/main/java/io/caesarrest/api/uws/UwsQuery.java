package io.caesarrest.api.uws;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Reads the UWS control parameters (names case-insensitive): phases, times and counts,
 * each refused with a 400 and a message when malformed.
 */
final class UwsQuery {

	private UwsQuery() {
	}

	static UwsPhase phase(@Nullable String value) {
		try {
			return UwsPhase.valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw UwsException.badRequest("Unknown PHASE " + value + "; phases: " + List.of(UwsPhase.values()));
		}
	}

	static Instant instant(String value) {
		try {
			return OffsetDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				throw UwsException
					.badRequest("AFTER must be an ISO-8601 time, e.g. 2026-01-31T12:00:00Z, not " + value);
			}
		}
	}

	static int positive(String name, String value) {
		try {
			int number = Integer.parseInt(value.trim());
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw UwsException.badRequest(name + " must be a positive whole number, not " + value);
	}

	/** UWS control parameter names are case-insensitive. */
	static MultiValueMap<String, String> upper(MultiValueMap<String, String> params) {
		MultiValueMap<String, String> upper = new LinkedMultiValueMap<>();
		params.forEach((name, values) -> upper.addAll(name.toUpperCase(Locale.ROOT), values));
		return upper;
	}

}
