package io.caesarrest.store;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no MongoDB URI or host is configured, under either property name.
 */
class NoMongoUriCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var env = context.getEnvironment();
		for (String key : new String[] { "spring.mongodb.uri", "spring.data.mongodb.uri", "spring.mongodb.host",
				"spring.data.mongodb.host" }) {
			if (StringUtils.hasText(env.getProperty(key))) {
				return false;
			}
		}
		return true;
	}

}
