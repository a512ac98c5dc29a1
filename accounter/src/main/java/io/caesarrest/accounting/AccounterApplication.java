package io.caesarrest.accounting;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The accounter as a service of its own (split mode): no web server, the store given by
 * {@code spring.mongodb.uri}, the data and job dirs by {@code caesar.home} or
 * {@code caesar.datadir}/{@code caesar.jobdir}.
 */
@SpringBootApplication
public class AccounterApplication {

	public static void main(String[] args) {
		builder().run(args);
	}

	/**
	 * The application without a web server; set here rather than in a properties file,
	 * which the all-in-one application would pick up from the classpath too.
	 * @return the builder
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(AccounterApplication.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=caesar-accounter", "spring.mongodb.database=caesardb",
					"spring.data.mongodb.database=caesardb", "spring.main.banner-mode=off");
	}

}
