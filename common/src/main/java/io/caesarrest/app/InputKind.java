package io.caesarrest.app;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a job's data input may name for an app.
 */
public enum InputKind {

	/** A file the user uploaded. */
	@JsonProperty("file")
	FILE,

	/** A dataset configured on the service. */
	@JsonProperty("dataset")
	DATASET

}
