package io.caesarrest.monitor;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The job monitor as a service of its own (split deployment): the reconciler for remote
 * schedulers, or the local worker, against a shared MongoDB and shared data and job dirs.
 */
@SpringBootApplication
public class JobMonitorApplication {

	public static void main(String[] args) {
		// a small web server for health and metrics only; the API runs elsewhere
		new SpringApplicationBuilder(JobMonitorApplication.class).properties("server.port=8081").run(args);
	}

}
