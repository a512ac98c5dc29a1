package io.caesarrest.api.quota;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a quota refusal as JSON with {@code Retry-After} where waiting helps.
 */
@RestControllerAdvice
class QuotaErrors {

	@ExceptionHandler(QuotaExceededException.class)
	ResponseEntity<Map<String, Object>> exceeded(QuotaExceededException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (ex.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		}
		return response.body(Map.of("status", ex.getMessage()));
	}

}
