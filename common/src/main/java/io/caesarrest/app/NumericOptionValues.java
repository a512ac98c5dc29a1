package io.caesarrest.app;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Parses int and float option values, from JSON numbers or numeric strings, and checks
 * their range.
 */
final class NumericOptionValues {

	private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

	private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

	private NumericOptionValues() {
	}

	static @Nullable Long integer(AppOption option, JsonNode node, List<String> problems) {
		BigDecimal number = decimal(node, INTEGER);
		if (number == null || number.stripTrailingZeros().scale() > 0) {
			problems.add(OptionValues.message(option, "must be an integer", node));
			return null;
		}
		long value;
		try {
			value = number.longValueExact();
		}
		catch (ArithmeticException ex) {
			problems.add(OptionValues.message(option, "is too large for an integer", node));
			return null;
		}
		return inRange(option, value, Long.toString(value), problems) ? value : null;
	}

	static @Nullable Double floating(AppOption option, JsonNode node, List<String> problems) {
		if (isNonFinite(node)) {
			problems.add(OptionValues.message(option, "must be a finite number", node));
			return null;
		}
		BigDecimal number = decimal(node, DECIMAL);
		if (number == null) {
			problems.add(OptionValues.message(option, "must be a number", node));
			return null;
		}
		double value = number.doubleValue();
		if (!Double.isFinite(value)) {
			problems.add(OptionValues.message(option, "must be a finite number", node));
			return null;
		}
		return inRange(option, value, Double.toString(value), problems) ? value : null;
	}

	private static boolean isNonFinite(JsonNode node) {
		if (node.isNumber() && node.isFloatingPointNumber() && !node.isBigDecimal()) {
			return !Double.isFinite(node.doubleValue());
		}
		return node.isString() && NON_FINITE.matcher(node.stringValue().trim()).matches();
	}

	private static @Nullable BigDecimal decimal(JsonNode node, Pattern textPattern) {
		if (node.isNumber()) {
			boolean finite = !node.isFloatingPointNumber() || node.isBigDecimal()
					|| Double.isFinite(node.doubleValue());
			return finite ? node.decimalValue() : null;
		}
		if (node.isString()) {
			String text = node.stringValue().trim();
			return textPattern.matcher(text).matches() ? new BigDecimal(text) : null;
		}
		return null;
	}

	private static boolean inRange(AppOption option, double value, String shown, List<String> problems) {
		Number min = option.min();
		Number max = option.max();
		boolean belowMin = min != null && value < min.doubleValue();
		boolean aboveMax = max != null && value > max.doubleValue();
		if (belowMin || aboveMax) {
			problems.add("Option '" + option.name() + "' = " + shown + " is out of range [" + bound(option, min, "-inf")
					+ ", " + bound(option, max, "+inf") + "]");
			return false;
		}
		return true;
	}

	private static String bound(AppOption option, @Nullable Number bound, String unset) {
		if (bound == null) {
			return unset;
		}
		if (option.type() == OptionType.INT && bound.doubleValue() == Math.rint(bound.doubleValue())) {
			return Long.toString(bound.longValue());
		}
		return Double.toString(bound.doubleValue());
	}

}
