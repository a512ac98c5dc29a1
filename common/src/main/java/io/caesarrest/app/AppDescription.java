package io.caesarrest.app;

import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the original service's describe object of an app.
 */
final class AppDescription {

	private AppDescription() {
	}

	static Map<String, Map<String, Object>> of(App app) {
		Map<String, Map<String, Object>> description = new TreeMap<>();
		for (AppOption option : app.options()) {
			if (!option.forced()) {
				description.put(option.name(), describe(option));
			}
		}
		return description;
	}

	private static Map<String, Object> describe(AppOption option) {
		Map<String, Object> fields = new TreeMap<>();
		fields.put("advanced", option.advanced() ? 1 : 0);
		fields.put("category", option.category());
		fields.put("description", option.description());
		fields.put("enum", option.isEnum());
		fields.put("mandatory", option.mandatory());
		fields.put("subcategory", option.subcategory());
		fields.put("type", option.isEnum() ? OptionType.STR.label() : option.type().label());
		if (option.isFlag()) {
			return fields;
		}
		fields.put("default", orEmpty(option.defaultValue()));
		if (option.isEnum()) {
			fields.put("allowed_values", option.values());
		}
		else {
			fields.put("max", orEmpty(option.max()));
			fields.put("min", orEmpty(option.min()));
		}
		return fields;
	}

	private static Object orEmpty(Object value) {
		return (value != null) ? value : "";
	}

}
