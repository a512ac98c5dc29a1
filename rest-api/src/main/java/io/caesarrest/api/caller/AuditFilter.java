package io.caesarrest.api.caller;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * Writes one audit line per API request, refused ones included, on the logger
 * {@code io.caesarrest.audit}: who ({@code user}, {@code -} when unauthenticated), what
 * ({@code action}: method and route), on which {@code resource} (job or file id) and the
 * {@code outcome} (HTTP status). Runs before the security filters so that it sees 401s;
 * never logs tokens or request bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuditFilter extends OncePerRequestFilter {

	static final String USER = "user";

	private static final Logger audit = LoggerFactory.getLogger("io.caesarrest.audit");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		MDC.put("action", request.getMethod() + " " + request.getRequestURI());
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (request.getRequestURI().startsWith(API + "/")) {
				log(request, response);
			}
			for (String key : new String[] { USER, "action", "job_id", "file_id", "resource", "outcome" }) {
				MDC.remove(key);
			}
		}
	}

	private static void log(HttpServletRequest request, HttpServletResponse response) {
		if (MDC.get(USER) == null) {
			MDC.put(USER, "-");
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String route = (pattern != null && pattern.toString().startsWith(API)) ? pattern.toString()
				: request.getRequestURI();
		String action = request.getMethod() + " " + route.substring(API.length());
		String resource = resource(request);
		MDC.put("action", action);
		MDC.put("resource", resource);
		MDC.put("outcome", Integer.toString(response.getStatus()));
		audit.info("{} {} {} -> {}", MDC.get(USER), action, resource, response.getStatus());
	}

	private static String resource(HttpServletRequest request) {
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			for (String name : new String[] { "id", "uuid", "name" }) {
				if (variables.get(name) != null) {
					return variables.get(name).toString();
				}
			}
		}
		String created = (MDC.get("job_id") != null) ? MDC.get("job_id") : MDC.get("file_id");
		return (created != null) ? created : "-";
	}

}
