package io.caesarrest.app;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How an option is written on the command line.
 */
public enum ArgStyle {

	/** GNU long option: {@code --arg=value}, or {@code --arg} for a flag. */
	@JsonProperty("gnu")
	GNU,

	/**
	 * Key and value as two argv entries: {@code -ARG value}, or {@code -ARG} for a flag.
	 */
	@JsonProperty("pair")
	PAIR

}
