package io.caesarrest.app;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes one validated option value as argv entries.
 */
final class OptionArguments {

	private OptionArguments() {
	}

	static List<String> of(AppOption option, Object value) {
		String key = ((option.style() == ArgStyle.PAIR) ? "-" : "--") + option.cliName();
		if (option.isFlag()) {
			return Boolean.TRUE.equals(value) ? List.of(key) : List.of();
		}
		String text = text(option, value);
		return (option.style() == ArgStyle.PAIR) ? List.of(key, text) : List.of(key + "=" + text);
	}

	static String text(AppOption option, Object value) {
		if (value instanceof Double number) {
			return BigDecimal.valueOf(number).toPlainString();
		}
		String text = String.valueOf(value);
		return option.codes().getOrDefault(text, text);
	}

}
