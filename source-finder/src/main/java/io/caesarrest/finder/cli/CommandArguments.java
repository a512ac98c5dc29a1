package io.caesarrest.finder.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code --name=value} options and {@code --flag} switches, rejecting unknown
 * names and reporting malformed values.
 */
final class CommandArguments {

	private final Map<String, String> values = new LinkedHashMap<>();

	CommandArguments(String[] args, int from, Set<String> options, Set<String> flags) {
		for (int i = from; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new UsageException("unexpected argument '" + arg + "'");
			}
			int equals = arg.indexOf('=');
			String name = (equals < 0) ? arg.substring(2) : arg.substring(2, equals);
			if (equals < 0 && !flags.contains(name)) {
				throw new UsageException(options.contains(name)
						? "option --" + name + " needs a value (--" + name + "=VALUE)" : "unknown option --" + name);
			}
			if (equals >= 0 && !options.contains(name)) {
				throw new UsageException("unknown option --" + name);
			}
			this.values.put(name, (equals < 0) ? "true" : arg.substring(equals + 1));
		}
	}

	String required(String name) {
		String value = this.values.get(name);
		if (value == null || value.isBlank()) {
			throw new UsageException("missing required option --" + name);
		}
		return value;
	}

	String text(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	boolean flag(String name) {
		return this.values.containsKey(name);
	}

	double number(String name, double fallback) {
		String value = this.values.get(name);
		try {
			return (value != null) ? Double.parseDouble(value) : fallback;
		}
		catch (NumberFormatException ex) {
			throw new UsageException("option --" + name + " must be a number, got '" + value + "'");
		}
	}

	int integer(String name, int fallback) {
		String value = this.values.get(name);
		try {
			return (value != null) ? Integer.parseInt(value) : fallback;
		}
		catch (NumberFormatException ex) {
			throw new UsageException("option --" + name + " must be an integer, got '" + value + "'");
		}
	}

	long longInteger(String name, long fallback) {
		String value = this.values.get(name);
		try {
			return (value != null) ? Long.parseLong(value) : fallback;
		}
		catch (NumberFormatException ex) {
			throw new UsageException("option --" + name + " must be an integer, got '" + value + "'");
		}
	}

}
