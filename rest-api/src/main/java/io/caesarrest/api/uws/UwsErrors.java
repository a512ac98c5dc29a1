package io.caesarrest.api.uws;

import io.caesarrest.api.error.ApiException;
import io.caesarrest.app.InvalidJobOptionsException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the UWS endpoints as plain text with the right status (UWS 1.1, section
 * 2.2.3), also for the checks the UWS view shares with the REST API.
 */
@RestControllerAdvice(assignableTypes = UwsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UwsErrors {

	private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

	@ExceptionHandler(UwsException.class)
	ResponseEntity<String> uws(UwsException ex) {
		return text(ex.status(), ex.getMessage());
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<String> api(ApiException ex) {
		return text(ex.status(), ex.getMessage());
	}

	@ExceptionHandler(InvalidJobOptionsException.class)
	ResponseEntity<String> options(InvalidJobOptionsException ex) {
		return text(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	private static ResponseEntity<String> text(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(TEXT).body(message + "\n");
	}

}
