package io.caesarrest.accounting;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The accounter as a service of its own (split mode): a small web server for health and
 * metrics only (port 8082), the store given by {@code spring.mongodb.uri}, the data and
 * job dirs by {@code caesar.home} or {@code caesar.datadir}/{@code caesar.jobdir}.
 */
@SpringBootApplication
public class AccounterApplication {

	public static void main(String[] args) {
		builder().run(args);
	}

	/**
	 * The application with its defaults, set here rather than in a properties file, which
	 * the all-in-one application would pick up from the classpath too.
	 * @return the builder
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(AccounterApplication.class).properties(
				"spring.application.name=caesar-accounter", "server.port=8082", "spring.mongodb.database=caesardb",
				"spring.data.mongodb.database=caesardb", "spring.main.banner-mode=off",
				"management.endpoints.web.exposure.include=health,info,metrics,prometheus",
				"management.endpoint.health.show-details=always");
	}

}
