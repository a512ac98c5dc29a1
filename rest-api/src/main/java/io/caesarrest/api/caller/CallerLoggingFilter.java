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
 * Puts the caller, once authenticated, into the logging context, so that JSON logs carry
 * {@code user}; runs after the security filters. {@link AuditFilter} clears it.
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
		String user = this.callers.currentOrNull();
		if (user != null) {
			MDC.put(AuditFilter.USER, user);
		}
		chain.doFilter(request, response);
	}

}
