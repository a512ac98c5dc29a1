package io.caesarrest.api.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Predicate;

import io.caesarrest.api.error.ApiException;
import io.caesarrest.job.JobState;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The query parameters of a list request ({@code /jobs}, {@code /fileids}): a page size,
 * a cursor and filters, checked once. Without parameters a list answers the original's
 * unpaged shape, newest first, up to {@value #DEFAULT_LIMIT} entries.
 *
 * @param limit the most entries to return
 * @param before the cursor of an earlier page ({@code next}), or null for the newest
 * @param state only entries in this state, or null
 * @param app only entries of this app, or null
 * @param tag only entries with this tag, or null
 * @param since only entries created at or after this time, or null
 * @param until only entries created before this time, or null
 */
public record ListParameters(int limit, @Nullable Long before, @Nullable JobState state, @Nullable String app,
		@Nullable String tag, @Nullable Instant since, @Nullable Instant until) {

	/** The page size when none is asked for, and the largest one. */
	public static final int DEFAULT_LIMIT = 1000;

	/** The response header with the cursor of the next page. */
	public static final String NEXT_HEADER = "X-Next-Cursor";

	/**
	 * Reads and checks the parameters of a request.
	 * @param parameters the request parameters
	 * @return the parameters
	 * @throws ApiException (400) for a value that is not valid
	 */
	public static ListParameters of(Map<String, String> parameters) {
		int limit = number(parameters, "limit", DEFAULT_LIMIT).intValue();
		if (limit < 1 || limit > DEFAULT_LIMIT) {
			throw ApiException.badRequest("limit must be between 1 and " + DEFAULT_LIMIT + " (got " + limit + ")");
		}
		Long before = parameters.containsKey("before") ? number(parameters, "before", 0) : null;
		JobState state = null;
		if (parameters.containsKey("state")) {
			state = JobState.fromLabel(parameters.get("state"))
				.orElseThrow(() -> ApiException.badRequest("Unknown state " + parameters.get("state")));
		}
		return new ListParameters(limit, before, state, parameters.get("app"), parameters.get("tag"),
				time(parameters, "since"), time(parameters, "until"));
	}

	/**
	 * Whether an entry passes the filters.
	 * @param state its state, or null for entries without one (files)
	 * @param app its app, or null
	 * @param tag its tag
	 * @param created when it was created
	 * @return whether it is listed
	 */
	public boolean accepts(@Nullable JobState state, @Nullable String app, @Nullable String tag, Instant created) {
		return (this.state == null || this.state == state) && (this.app == null || this.app.equals(app))
				&& (this.tag == null || this.tag.equals(tag)) && (this.since == null || !created.isBefore(this.since))
				&& (this.until == null || created.isBefore(this.until));
	}

	/**
	 * A filter of entries by the given accessors.
	 * @param <T> the entry type
	 * @param accepted whether an entry passes, given these parameters
	 * @return the filter
	 */
	public <T> Predicate<T> filter(java.util.function.BiPredicate<ListParameters, T> accepted) {
		return (entry) -> accepted.test(this, entry);
	}

	/**
	 * The headers that point to the next page, if there is one: {@value #NEXT_HEADER} and
	 * a {@code Link} with {@code rel="next"}.
	 * @param next the cursor of the next page, or null
	 * @return the headers
	 */
	public static HttpHeaders nextPage(@Nullable Long next) {
		HttpHeaders headers = new HttpHeaders();
		if (next != null) {
			headers.set(NEXT_HEADER, Long.toString(next));
			String link = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("before", next)
				.build()
				.toUriString();
			headers.set(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"");
		}
		return headers;
	}

	private static Long number(Map<String, String> parameters, String name, long otherwise) {
		String value = parameters.get(name);
		if (value == null) {
			return otherwise;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest(name + " must be a whole number (got " + value + ")");
		}
	}

	private static @Nullable Instant time(Map<String, String> parameters, String name) {
		String value = parameters.get(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return (value.length() == 10) ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest(
					name + " must be a date (2026-11-29) or an ISO-8601 time with zone (2026-11-29T10:00:00Z), got "
							+ value);
		}
	}

}
