package io.caesarrest.app;

import org.jspecify.annotations.Nullable;

/**
 * Globs of the output files an app writes in the root of its job directory; each is
 * {@code null} when the app writes no such file.
 *
 * @param islandsJson the islands catalog in JSON
 * @param islands the islands catalog as text
 * @param componentsJson the fitted components catalog in JSON
 * @param components the fitted components catalog as text
 * @param plot the preview image
 * @param regions the DS9 region file
 */
public record AppOutputs(@Nullable String islandsJson, @Nullable String islands, @Nullable String componentsJson,
		@Nullable String components, @Nullable String plot, @Nullable String regions) {

	/** The outputs of an app that writes none of the known files. */
	public static final AppOutputs NONE = new AppOutputs(null, null, null, null, null, null);

}
