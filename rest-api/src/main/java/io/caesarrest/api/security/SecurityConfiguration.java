package io.caesarrest.api.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * The one security filter chain: with {@code caesar.auth.enabled=true} every API call
 * needs a valid bearer token and Actuator's endpoints other than health and info answer
 * only on the management port; otherwise everything is open and the caller is
 * {@code anonymous}. Both add security headers and the configured CORS rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AuthProperties.class, CorsProperties.class })
class SecurityConfiguration {

	/** The path prefix of the UWS job lists. */
	static final String UWS = "/caesar/uws/v1.1";

	/** The OpenAPI document and the Swagger UI. */
	static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
			"/swagger-ui/**" };

	@Bean
	@ConditionalOnProperty(name = "caesar.auth.enabled", havingValue = "true")
	SecurityFilterChain authenticatedApi(HttpSecurity http, AuthProperties auth, ObjectMapper json,
			ObjectProvider<JwtDecoder> decoders, ObjectProvider<OpaqueTokenIntrospector> introspectors,
			Environment environment) throws Exception {
		JsonSecurityErrors errors = new JsonSecurityErrors(json);
		CallerAuthentication callers = new CallerAuthentication(auth);
		common(http);
		http.authorizeHttpRequests(
				(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
					.permitAll()
					.requestMatchers(onManagementPort(environment))
					.permitAll()
					.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
					.permitAll()
					.requestMatchers(API_DOCS)
					.permitAll()
					.requestMatchers(API + "/**", UWS + "/**")
					.authenticated()
					.anyRequest()
					.denyAll());
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors));
		OpaqueTokenIntrospector introspector = introspectors.getIfAvailable();
		JwtDecoder decoder = decoders.getIfAvailable();
		if (introspector != null) {
			http.oauth2ResourceServer((server) -> server.authenticationEntryPoint(errors)
				.accessDeniedHandler(errors)
				.opaqueToken((opaque) -> opaque.introspector(introspector).authenticationConverter(callers)));
		}
		else if (decoder != null) {
			http.oauth2ResourceServer((server) -> server.authenticationEntryPoint(errors)
				.accessDeniedHandler(errors)
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(callers)));
		}
		else {
			throw new IllegalStateException("caesar.auth.enabled=true needs an issuer: set "
					+ "spring.security.oauth2.resourceserver.jwt.issuer-uri (or, for opaque tokens, "
					+ "spring.security.oauth2.resourceserver.opaquetoken.introspection-uri, client-id and "
					+ "client-secret)");
		}
		return http.build();
	}

	/**
	 * The API description and its Swagger UI page, readable without a token (trying the
	 * calls out needs one), with a content security policy that lets the page run its own
	 * scripts and styles.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
		http.securityMatcher(API_DOCS)
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.headers((headers) -> headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	@Bean
	@ConditionalOnProperty(name = "caesar.auth.enabled", havingValue = "false", matchIfMissing = true)
	SecurityFilterChain openApi(HttpSecurity http) throws Exception {
		common(http);
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!cors.allowedOrigins().isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(cors.allowedOrigins());
			configuration.setAllowedMethods(cors.allowedMethods());
			configuration.setAllowedHeaders(cors.allowedHeaders());
			configuration
				.setExposedHeaders(java.util.List.of("Content-Disposition", "Retry-After", "WWW-Authenticate"));
			configuration.setMaxAge(cors.maxAge());
			source.registerCorsConfiguration(API + "/**", configuration);
			source.registerCorsConfiguration(UWS + "/**", configuration);
		}
		return source;
	}

	/** Stateless, no CSRF (no cookies are used), CORS, and security headers. */
	private static void common(HttpSecurity http) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.cors(Customizer.withDefaults())
			.headers((headers) -> headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
	}

	/** Requests that arrived on a management port of their own, if one is set. */
	private static RequestMatcher onManagementPort(Environment environment) {
		Integer management = environment.getProperty("management.server.port", Integer.class);
		Integer server = environment.getProperty("server.port", Integer.class, 8080);
		return (HttpServletRequest request) -> management != null && management > 0 && !management.equals(server)
				&& request.getLocalPort() == management;
	}

}
