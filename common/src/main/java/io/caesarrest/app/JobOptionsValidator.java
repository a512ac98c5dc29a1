package io.caesarrest.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks a job request's options against an app's option schema and turns them into
 * command-line arguments, reporting every problem at once.
 */
public class JobOptionsValidator {

	/**
	 * Validate job options.
	 * @param app the app the job runs
	 * @param options the request's options; {@code null}, JSON null, a missing node or an
	 * empty object mean "defaults apply"
	 * @return the options' argv entries, normalized values and job size
	 * @throws InvalidJobOptionsException listing every problem found
	 */
	public ValidatedOptions validate(App app, @Nullable JsonNode options) {
		List<String> problems = new ArrayList<>();
		Map<String, JsonNode> given = given(app, options, problems);
		Map<String, Object> values = new LinkedHashMap<>();
		List<String> arguments = new ArrayList<>();
		for (AppOption option : app.options()) {
			JsonNode node = given.get(option.name());
			if (node == null) {
				if (option.mandatory()) {
					problems.add("Mandatory option '" + option.name() + "' is missing");
				}
				continue;
			}
			Object value = OptionValues.parse(option, node, problems);
			if (value != null) {
				values.put(option.name(), value);
				if (!option.forced()) {
					arguments.addAll(OptionArguments.of(option, value));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidJobOptionsException(problems);
		}
		RunOptions run = app.runOptions();
		return new ValidatedOptions(arguments, values, size(app, run.coresOption(), values),
				size(app, run.procsOption(), values));
	}

	private Map<String, JsonNode> given(App app, @Nullable JsonNode options, List<String> problems) {
		Map<String, JsonNode> given = new LinkedHashMap<>();
		if (options == null || options.isMissingNode() || options.isNull()) {
			return given;
		}
		if (!options.isObject()) {
			problems.add("Job options must be a JSON object (got "
					+ options.getNodeType().name().toLowerCase(Locale.ROOT) + ")");
			return given;
		}
		for (Map.Entry<String, JsonNode> entry : options.properties()) {
			Optional<AppOption> option = app.option(entry.getKey());
			if (option.isEmpty()) {
				problems.add("Unknown option '" + entry.getKey() + "'");
			}
			else if (given.putIfAbsent(option.get().name(), entry.getValue()) != null) {
				problems.add("Option '" + option.get().name() + "' is given more than once (as '" + entry.getKey()
						+ "' and another alias)");
			}
		}
		return given;
	}

	private int size(App app, @Nullable String optionName, Map<String, Object> values) {
		if (optionName == null) {
			return 1;
		}
		Object value = values.get(optionName);
		if (value == null) {
			value = app.option(optionName).map(AppOption::defaultValue).orElse(null);
		}
		if (value instanceof Number number && number.longValue() > 0) {
			return (int) Math.min(number.longValue(), Integer.MAX_VALUE);
		}
		return 1;
	}

}
