package io.caesarrest.api.error;

import java.util.LinkedHashMap;
import java.util.Map;

import io.caesarrest.app.InvalidJobOptionsException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps client mistakes to JSON errors; anything else reaches the JSON error page as 500.
 */
@RestControllerAdvice
class ApiErrors {

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Map<String, Object>> api(ApiException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", ex.getMessage());
		body.putAll(ex.details());
		return respond(ex.status(), body);
	}

	@ExceptionHandler(InvalidJobOptionsException.class)
	ResponseEntity<Map<String, Object>> invalidOptions(InvalidJobOptionsException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", "Invalid job options: " + String.join("; ", ex.problems()));
		body.put("problems", ex.problems());
		body.put("state", "ABORTED");
		return respond(HttpStatus.BAD_REQUEST, body);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return status(HttpStatus.BAD_REQUEST, "Invalid request data!");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException ex, HttpServletRequest request) {
		return status(HttpStatus.NOT_FOUND, "No such route: " + request.getRequestURI());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException ex) {
		return status(HttpStatus.METHOD_NOT_ALLOWED, "Method " + ex.getMethod() + " not allowed here; use "
				+ String.join(" or ", ex.getSupportedMethods() != null ? ex.getSupportedMethods() : new String[0]));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException ex) {
		return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type " + ex.getContentType());
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return status(HttpStatus.NOT_ACCEPTABLE, "Cannot answer in any of the accepted media types");
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<Map<String, Object>> parameter(Exception ex) {
		return status(HttpStatus.BAD_REQUEST, "Invalid request: " + ex.getMessage());
	}

	static ResponseEntity<Map<String, Object>> status(HttpStatus status, String message) {
		return respond(status, Map.of("status", message));
	}

	private static ResponseEntity<Map<String, Object>> respond(HttpStatus status, Map<String, Object> body) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
