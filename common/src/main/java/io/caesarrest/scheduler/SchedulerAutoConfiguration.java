package io.caesarrest.scheduler;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Binds the scheduler choice and checks it against the backends the application carries,
 * before any bean is created, so that a wrong value stops the start with one clear line;
 * each backend module configures itself from it. An application that carries no backend
 * (the accounter) runs no jobs and checks nothing.
 */
@AutoConfiguration
@EnableConfigurationProperties(SchedulerProperties.class)
public class SchedulerAutoConfiguration {

	/** Name of the {@link SchedulerSelection} singleton. */
	public static final String SELECTION = "schedulerSelection";

	@Bean
	@ConditionalOnResource(resources = "classpath:META-INF/services/io.caesarrest.scheduler.SchedulerBackend")
	static BeanFactoryPostProcessor schedulerSelectionCheck(Environment environment) {
		return (beanFactory) -> {
			String type = Binder.get(environment).bindOrCreate("caesar.scheduler", SchedulerProperties.class).type();
			beanFactory.registerSingleton(SELECTION, SchedulerSelection.check(type, beanFactory.getBeanClassLoader()));
		};
	}

}
