package io.caesarrest.api.uws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.caesarrest.app.App;
import io.caesarrest.app.AppOption;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.MultiValueMap;

/**
 * The parameters of a UWS job creation turned into the REST API's job request: the app's
 * options by name (typed as the app declares them; the names of UWS control parameters
 * are case-insensitive), {@code data} (an uploaded file's uuid or a dataset name),
 * {@code runId} (kept as the job's tag) and {@code callback_url}.
 *
 * @param request the REST request
 * @param parameters the job parameters as given, for the job's parameters list
 * @param runId the run id, or null
 * @param run whether {@code PHASE=RUN} was given
 */
record UwsParameters(ObjectNode request, Map<String, String> parameters, @Nullable String runId, boolean run) {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	static UwsParameters of(App app, MultiValueMap<String, String> form) {
		ObjectNode request = NODES.objectNode().put("app", app.name());
		ObjectNode options = request.putObject("job_options");
		Map<String, String> parameters = new LinkedHashMap<>();
		String runId = null;
		boolean run = false;
		for (Map.Entry<String, List<String>> entry : form.entrySet()) {
			String name = entry.getKey();
			String value = single(name, entry.getValue());
			switch (name.toLowerCase(Locale.ROOT)) {
				case "phase" -> {
					if (!value.equalsIgnoreCase("RUN")) {
						throw UwsException.badRequest("PHASE at job creation can only be RUN, not " + value);
					}
					run = true;
				}
				case "runid" -> runId = value;
				case "data" -> {
					request.put("data_inputs", value);
					parameters.put("data", value);
				}
				case "callback_url" -> {
					request.put("callback_url", value);
					parameters.put("callback_url", value);
				}
				default -> {
					AppOption option = option(app, name).orElseThrow(
							() -> UwsException.badRequest("Unknown parameter " + name + " for app " + app.name()
									+ "; its options: " + app.options().stream().map(AppOption::name).toList()));
					typed(options, option, value);
					parameters.put(option.name(), value);
				}
			}
		}
		if (!request.has("data_inputs")) {
			throw UwsException.badRequest("Missing parameter data (an uploaded file's uuid or a dataset name)");
		}
		if (runId != null) {
			request.put("tag", runId);
		}
		return new UwsParameters(request, parameters, runId, run);
	}

	private static String single(String name, List<String> values) {
		if (values.size() != 1) {
			throw UwsException.badRequest("Parameter " + name + " given " + values.size() + " times");
		}
		return values.get(0);
	}

	private static Optional<AppOption> option(App app, String name) {
		return app.option(name)
			.or(() -> app.options().stream().filter((option) -> option.name().equalsIgnoreCase(name)).findFirst());
	}

	/**
	 * Puts a value as the option's type wants it; a value that does not parse is left as
	 * text for the validator to report.
	 */
	private static void typed(ObjectNode options, AppOption option, String value) {
		String name = option.name();
		switch (option.type()) {
			case INT -> {
				try {
					options.put(name, Long.parseLong(value.trim()));
				}
				catch (NumberFormatException ex) {
					options.put(name, value);
				}
			}
			case FLOAT -> {
				try {
					options.put(name, Double.parseDouble(value.trim()));
				}
				catch (NumberFormatException ex) {
					options.put(name, value);
				}
			}
			case BOOL -> {
				if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
					options.put(name, Boolean.parseBoolean(value));
				}
				else {
					options.put(name, value);
				}
			}
			case NONE -> {
				if (value.isEmpty() || value.equalsIgnoreCase("true")) {
					options.put(name, true);
				}
				else if (!value.equalsIgnoreCase("false")) {
					options.put(name, value);
				}
			}
			default -> options.put(name, value);
		}
	}

}
