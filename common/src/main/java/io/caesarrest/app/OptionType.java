package io.caesarrest.app;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Value type of an app option, named as the original service's describe output names it.
 */
public enum OptionType {

	/** A whole number. */
	@JsonProperty("int")
	INT("int"),

	/** A finite floating-point number. */
	@JsonProperty("float")
	FLOAT("float"),

	/** Free text, or one of the allowed values of an enum option. */
	@JsonProperty("str")
	STR("str"),

	/** A boolean value passed as {@code --arg=true|false}. */
	@JsonProperty("bool")
	BOOL("bool"),

	/** A flag without value: present when true, absent when false. */
	@JsonProperty("none")
	NONE("none");

	private final String label;

	OptionType(String label) {
		this.label = label;
	}

	/**
	 * Return the name of the type as written in descriptors and in describe output.
	 * @return the type name
	 */
	public String label() {
		return this.label;
	}

}
