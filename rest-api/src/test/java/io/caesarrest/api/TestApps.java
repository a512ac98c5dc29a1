package io.caesarrest.api;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The site directory of the test apps ({@code test-apps/testapp.yaml}, a small script app
 * with sleep, exit code and message options).
 */
public final class TestApps {

	private TestApps() {
	}

	/** The directory, for {@code caesar.apps.dir}. */
	public static String dir() {
		try {
			return Path.of(TestApps.class.getResource("/test-apps").toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
