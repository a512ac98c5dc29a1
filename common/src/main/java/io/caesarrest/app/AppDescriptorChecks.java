package io.caesarrest.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks the rules of an app descriptor that its YAML structure cannot express.
 */
final class AppDescriptorChecks {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

	private AppDescriptorChecks() {
	}

	static List<String> check(App app) {
		List<String> problems = new ArrayList<>();
		if (app.name() == null || !NAME.matcher(app.name()).matches()) {
			problems.add("field 'name': must be letters, digits, '-', '_' or '.' (got " + app.name() + ")");
		}
		if (!app.input().arg().contains(AppInput.PATH_PLACEHOLDER)) {
			problems.add("field 'input.arg': must contain " + AppInput.PATH_PLACEHOLDER);
		}
		if (app.input().kinds().isEmpty()) {
			problems.add("field 'input.kinds': must name at least one kind");
		}
		AppLaunch launch = app.launch();
		if (launch.image() == null && launch.singularity() == null && !launch.isNative()) {
			problems.add("field 'launch': needs an image, a singularity image or a native command");
		}
		checkResources(app.resources(), problems);
		Set<String> names = new HashSet<>();
		for (int i = 0; i < app.options().size(); i++) {
			AppOption option = app.options().get(i);
			String field = "field 'options[" + i + "]" + ((option.name() != null) ? " (" + option.name() + ")" : "");
			new OptionChecks(option, field, problems).check(names);
		}
		checkRunOption(app, "run-options.cores-option", app.runOptions().coresOption(), problems);
		checkRunOption(app, "run-options.procs-option", app.runOptions().procsOption(), problems);
		return problems;
	}

	private static void checkResources(AppResources resources, List<String> problems) {
		if (resources.cores() < 1) {
			problems.add("field 'resources.cores': must be at least 1");
		}
		if (resources.gpu() < 0) {
			problems.add("field 'resources.gpu': must not be negative");
		}
		if (resources.maxRunTime().isNegative() || resources.maxRunTime().isZero()) {
			problems.add("field 'resources.max-run-time': must be positive");
		}
		try {
			resources.memoryBytes();
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			problems.add("field 'resources.memory': " + ex.getMessage());
		}
	}

	private static void checkRunOption(App app, String field, @Nullable String name, List<String> problems) {
		if (name != null && app.option(name).filter((option) -> option.type() == OptionType.INT).isEmpty()) {
			problems.add("field '" + field + "': '" + name + "' is not an int option of the app");
		}
	}

	/**
	 * Checks of one option.
	 */
	private record OptionChecks(AppOption option, String field, List<String> problems) {

		void check(Set<String> names) {
			if (this.option.name() == null || this.option.name().isBlank()) {
				fail("name", "is required");
			}
			else {
				for (String key : concat(this.option.name(), this.option.aliases())) {
					if (!names.add(key)) {
						fail("name", "'" + key + "' is used by another option");
					}
				}
			}
			if (this.option.type() == null) {
				fail("type", "is required (int, float, str, bool or none)");
				return;
			}
			if (this.option.isFlag()) {
				checkFlag();
				return;
			}
			checkValues();
			checkRange();
			checkDefault();
		}

		private void checkFlag() {
			if (this.option.defaultValue() != null || this.option.min() != null || this.option.max() != null
					|| this.option.isEnum() || !this.option.codes().isEmpty()) {
				fail("type", "a flag (none) takes no default, min, max, values or codes");
			}
		}

		private void checkValues() {
			if (this.option.isEnum() && this.option.type() != OptionType.STR) {
				fail("values", "only str options take allowed values");
			}
			for (String label : this.option.codes().keySet()) {
				if (!this.option.values().contains(label)) {
					fail("codes", "'" + label + "' is not one of the allowed values");
				}
			}
		}

		private void checkRange() {
			Number min = this.option.min();
			Number max = this.option.max();
			boolean numeric = this.option.type() == OptionType.INT || this.option.type() == OptionType.FLOAT;
			if (!numeric && (min != null || max != null)) {
				fail("min", "only int and float options take min and max");
			}
			if (min != null && max != null && min.doubleValue() > max.doubleValue()) {
				fail("min", min + " is greater than max " + max);
			}
		}

		private void checkDefault() {
			Object value = this.option.defaultValue();
			if (value == null) {
				return;
			}
			boolean typed = switch (this.option.type()) {
				case INT -> value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue());
				case FLOAT -> value instanceof Number;
				case STR -> value instanceof String;
				case BOOL -> value instanceof Boolean;
				case NONE -> false;
			};
			if (!typed) {
				fail("default", value + " is not of type " + this.option.type().label());
			}
			else if (this.option.isEnum() && !this.option.values().contains(value)) {
				fail("default", "'" + value + "' is not one of the allowed values");
			}
			else if (value instanceof Number number && !inRange(number.doubleValue())) {
				fail("default", value + " is outside [min, max]");
			}
		}

		private boolean inRange(double value) {
			Number min = this.option.min();
			Number max = this.option.max();
			return (min == null || value >= min.doubleValue()) && (max == null || value <= max.doubleValue());
		}

		private void fail(String property, String message) {
			this.problems.add(this.field + "." + property + "': " + message);
		}

		private static List<String> concat(String name, List<String> aliases) {
			List<String> keys = new ArrayList<>(aliases);
			keys.add(0, name);
			return keys;
		}

	}

}
