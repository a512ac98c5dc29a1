package io.caesarrest.monitor;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The job monitor as a service of its own (split deployment): the job engine of the
 * configured backend, against a shared MongoDB and shared data and job dirs.
 */
@SpringBootApplication
public class JobMonitorApplication {

	public static void main(String[] args) {
		// a small web server for health and metrics only; the API runs elsewhere
		builder().run(args);
	}

	/**
	 * The application with its defaults, set here rather than in a properties file, which
	 * the all-in-one application would pick up from the classpath too.
	 * @return the builder
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(JobMonitorApplication.class).properties(
				"spring.application.name=caesar-job-monitor", "server.port=8081", "spring.mongodb.database=caesardb",
				"spring.data.mongodb.database=caesardb", "spring.main.banner-mode=off",
				"management.endpoints.web.exposure.include=health,info,metrics,prometheus",
				"management.endpoint.health.show-details=always");
	}

}
