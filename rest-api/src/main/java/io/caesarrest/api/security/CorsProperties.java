package io.caesarrest.api.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin settings for browser clients; off (no CORS headers) while no origin is
 * allowed.
 *
 * @param allowedOrigins origins allowed to call the API, e.g.
 * {@code https://portal.example.org}
 * @param allowedMethods HTTP methods allowed
 * @param allowedHeaders request headers allowed
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("caesar.cors")
public record CorsProperties(List<String> allowedOrigins, @DefaultValue( {
		"GET", "POST" }) List<String> allowedMethods,
		@DefaultValue({ "Authorization", "Content-Type" }) List<String> allowedHeaders,
		@DefaultValue("1h") Duration maxAge){

	public CorsProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
	}

}
