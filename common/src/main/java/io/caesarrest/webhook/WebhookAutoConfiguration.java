package io.caesarrest.webhook;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Binds the webhook settings and provides the check of callback URLs.
 */
@AutoConfiguration
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookAutoConfiguration {

	@Bean
	CallbackTargets callbackTargets(WebhookProperties properties, Environment environment) {
		return new CallbackTargets(properties, environment);
	}

}
