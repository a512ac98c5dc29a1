package io.caesarrest.api;

import java.util.Arrays;

import io.caesarrest.finder.cli.SourceFinderCommand;

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

	/**
	 * Starts the service, or, with {@code sfinder} as first argument, runs the built-in
	 * source finder's command line ({@code sfinder find ...},
	 * {@code sfinder simulate ...}).
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("sfinder")) {
			SourceFinderCommand.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(CaesarRestApplication.class, args);
	}

}
