package io.caesarrest.finder.output;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers and booleans as indented JSON; non-finite numbers
 * become {@code null}.
 */
final class JsonFormatter {

	private final Appendable out;

	JsonFormatter(Appendable out) {
		this.out = out;
	}

	void write(Object value, int depth) throws IOException {
		if (value instanceof Map<?, ?> map) {
			writeMap(map, depth);
		}
		else if (value instanceof List<?> list) {
			writeList(list, depth);
		}
		else if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			this.out.append(Double.isFinite(number) ? DecimalFormatter.format(number) : "null");
		}
		else if (value instanceof Number || value instanceof Boolean) {
			this.out.append(String.valueOf(value));
		}
		else if (value == null) {
			this.out.append("null");
		}
		else {
			this.out.append(quote(value.toString()));
		}
	}

	/**
	 * Appends a string, number, boolean or null value.
	 */
	static void scalar(StringBuilder out, Object value) {
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			out.append(Double.isFinite(number) ? DecimalFormatter.format(number) : "null");
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else if (value == null) {
			out.append("null");
		}
		else {
			out.append(quote(value.toString()));
		}
	}

	private void writeMap(Map<?, ?> map, int depth) throws IOException {
		this.out.append('{');
		String separator = "\n";
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			this.out.append(separator).append(indent(depth + 1)).append(quote(entry.getKey().toString())).append(": ");
			write(entry.getValue(), depth + 1);
			separator = ",\n";
		}
		this.out.append(map.isEmpty() ? "" : "\n" + indent(depth)).append('}');
	}

	private void writeList(List<?> list, int depth) throws IOException {
		this.out.append('[');
		String separator = "\n";
		for (Object item : list) {
			this.out.append(separator).append(indent(depth + 1));
			write(item, depth + 1);
			separator = ",\n";
		}
		this.out.append(list.isEmpty() ? "" : "\n" + indent(depth)).append(']');
	}

	private static String indent(int depth) {
		return "  ".repeat(depth);
	}

	static String quote(String text) {
		StringBuilder builder = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> builder.append("\\\"");
				case '\\' -> builder.append("\\\\");
				case '\n' -> builder.append("\\n");
				case '\t' -> builder.append("\\t");
				default -> {
					if (c < 0x20) {
						builder.append(String.format("\\u%04x", (int) c));
					}
					else {
						builder.append(c);
					}
				}
			}
		}
		return builder.append('"').toString();
	}

}
