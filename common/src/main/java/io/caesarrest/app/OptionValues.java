package io.caesarrest.app;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns one JSON option value into the option's type: Boolean for flags and bool options,
 * Long for int, Double for float, String for str.
 */
final class OptionValues {

	private OptionValues() {
	}

	/**
	 * Parse a value, adding a message to {@code problems} when it does not fit.
	 * @return the normalized value, or {@code null} when a problem was added
	 */
	static @Nullable Object parse(AppOption option, JsonNode node, List<String> problems) {
		return switch (option.type()) {
			case NONE -> bool(option, node, problems, "is a flag: it must be true or false");
			case BOOL -> bool(option, node, problems, "must be true or false");
			case INT -> NumericOptionValues.integer(option, node, problems);
			case FLOAT -> NumericOptionValues.floating(option, node, problems);
			case STR -> text(option, node, problems);
		};
	}

	private static @Nullable Boolean bool(AppOption option, JsonNode node, List<String> problems, String rule) {
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		problems.add(message(option, rule, node));
		return null;
	}

	private static @Nullable String text(AppOption option, JsonNode node, List<String> problems) {
		if (!node.isString() && !node.isNumber() && !node.isBoolean()) {
			problems.add(message(option, "must be a string", node));
			return null;
		}
		String text = node.asString();
		if (text.indexOf('\0') >= 0) {
			problems.add("Option '" + option.name() + "' must not contain NUL characters");
			return null;
		}
		if (option.isEnum() && !option.values().contains(text)) {
			problems.add("Option '" + option.name() + "' value '" + text + "' is not one of: "
					+ String.join(", ", option.values()));
			return null;
		}
		return text;
	}

	static String message(AppOption option, String rule, JsonNode node) {
		return "Option '" + option.name() + "' " + rule + " (got " + shown(node) + ")";
	}

	private static String shown(JsonNode node) {
		String json = (node.isNumber() ? node.asString() : node.toString()).replace("\0", "\\u0000");
		return (json.length() > 60) ? json.substring(0, 57) + "..." : json;
	}

}
