package io.caesarrest.app;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One option of an app: its schema (the fields of the original describe output) and how
 * it maps to a command-line argument.
 *
 * @param name the request key and the describe key
 * @param arg the command-line name when it differs from the name, else {@code null}
 * @param type the value type
 * @param defaultValue the advertised default, {@code null} when unset
 * @param min the lower bound for int and float options, {@code null} when unset
 * @param max the upper bound for int and float options, {@code null} when unset
 * @param values the allowed values of an enum option, empty for other options
 * @param codes label to code sent on the command line instead of an enum label
 * @param aliases other request keys accepted for this option
 * @param mandatory whether a request must give the option
 * @param forced whether the option is accepted but never emitted (the fixed arguments
 * carry it already)
 * @param category the describe category
 * @param subcategory the describe subcategory, empty when none
 * @param advanced whether the option is for advanced users
 * @param description a short human description
 * @param style how the option is written on the command line
 */
public record AppOption(String name, @Nullable String arg, OptionType type,
		@JsonProperty("default") @Nullable Object defaultValue, @Nullable Number min, @Nullable Number max,
		List<String> values, Map<String, String> codes, List<String> aliases, boolean mandatory, boolean forced,
		String category, String subcategory, boolean advanced, String description, ArgStyle style) {

	public AppOption {
		values = (values != null) ? List.copyOf(values) : List.of();
		codes = (codes != null) ? Map.copyOf(codes) : Map.of();
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
		category = (category != null) ? category : "";
		subcategory = (subcategory != null) ? subcategory : "";
		description = (description != null) ? description : "";
		style = (style != null) ? style : ArgStyle.GNU;
	}

	/**
	 * Return the name written on the command line.
	 * @return {@link #arg()} when set, else {@link #name()}
	 */
	@JsonIgnore
	public String cliName() {
		return (this.arg != null && !this.arg.isEmpty()) ? this.arg : this.name;
	}

	/**
	 * Return whether this option is a flag without value.
	 * @return {@code true} for type {@code none}
	 */
	@JsonIgnore
	public boolean isFlag() {
		return this.type == OptionType.NONE;
	}

	/**
	 * Return whether this option only takes one of a list of allowed values.
	 * @return {@code true} when {@link #values()} is not empty
	 */
	@JsonIgnore
	public boolean isEnum() {
		return !this.values.isEmpty();
	}

	/**
	 * Return whether a request key names this option, by its name or one of its aliases.
	 * @param key the request key
	 * @return whether the key names this option
	 */
	public boolean isNamed(String key) {
		return this.name.equals(key) || this.aliases.contains(key);
	}

}
