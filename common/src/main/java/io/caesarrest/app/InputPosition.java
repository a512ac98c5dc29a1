package io.caesarrest.app;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the input argument goes in an app's command line.
 */
public enum InputPosition {

	/** Right after the native command, before the fixed arguments and the options. */
	@JsonProperty("first")
	FIRST,

	/** After the options (the original service's placement). */
	@JsonProperty("last")
	LAST

}
