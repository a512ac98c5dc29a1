package io.caesarrest.api.ui;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The page and its scripts are public (they hold no data: every call they make carries
 * the user's token), stateless, and served with a content security policy that lets them
 * load only their own scripts and styles and talk only to this service and the issuer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UiProperties.class)
class UiSecurityConfiguration {

	static final String[] PATHS = { "/", "/index.html", "/ui/**", "/favicon.ico" };

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain uiResources(HttpSecurity http, UiIssuer issuer) throws Exception {
		http.securityMatcher(PATHS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
				.contentSecurityPolicy((csp) -> csp.policyDirectives(policy(issuer.origin())))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	static String policy(String issuerOrigin) {
		String connect = (issuerOrigin != null) ? "'self' " + issuerOrigin : "'self'";
		return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src "
				+ connect + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
	}

}
