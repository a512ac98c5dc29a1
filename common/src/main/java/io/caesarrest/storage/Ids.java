package io.caesarrest.storage;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Public identifiers of files and jobs: 32 lowercase hex digits.
 */
public final class Ids {

	private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

	private Ids() {
	}

	public static String newId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	public static boolean isId(String value) {
		return value != null && ID.matcher(value).matches();
	}

}
