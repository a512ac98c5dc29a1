package io.caesarrest.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The REST API; unless switched off it also runs the job monitor with the local worker
 * and the accounter, all on the embedded store when no MongoDB URI is set.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaesarRestApplication {

	/** The path prefix of every API route. */
	public static final String API = "/caesar/api/v1.0";

	public static void main(String[] args) {
		SpringApplication.run(CaesarRestApplication.class, args);
	}

}
