package io.caesarrest.api.caller;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller and the action of each request into the logging context, so that JSON
 * logs carry {@code user} and {@code action} (and {@code job_id} or {@code file_id} where
 * the handler adds them).
 */
@Component
class CallerLoggingFilter extends OncePerRequestFilter {

	private final Callers callers;

	CallerLoggingFilter(Callers callers) {
		this.callers = callers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		MDC.put("user", this.callers.current());
		MDC.put("action", request.getMethod() + " " + request.getRequestURI());
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("user");
			MDC.remove("action");
			MDC.remove("job_id");
			MDC.remove("file_id");
		}
	}

}
