package io.caesarrest.api.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Refusals of the security layer as the API's JSON errors: 401 with the RFC 6750
 * {@code WWW-Authenticate} header, and 403, each with a human {@code status}.
 */
final class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler deniedHandler = new BearerTokenAccessDeniedHandler();

	private final ObjectMapper json;

	JsonSecurityErrors(ObjectMapper json) {
		this.json = json;
		this.entryPoint.setRealmName("caesar-rest");
		this.deniedHandler.setRealmName("caesar-rest");
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.entryPoint.commence(request, response, ex);
		String message = (ex instanceof OAuth2AuthenticationException oauth)
				? "Invalid bearer token: " + describe(oauth)
				: "Authentication required: send an access token as 'Authorization: Bearer <token>'";
		write(response, message);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.deniedHandler.handle(request, response, ex);
		write(response, "Not allowed: this needs the admin role");
	}

	private static String describe(OAuth2AuthenticationException ex) {
		String description = ex.getError().getDescription();
		return (description != null) ? description : ex.getError().getErrorCode();
	}

	private void write(HttpServletResponse response, String message) throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), Map.of("status", message));
	}

}
