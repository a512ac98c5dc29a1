package io.caesarrest.app;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A site's settings of one app ({@code caesar.apps.<app>.*}), applied over its descriptor
 * without copying it.
 *
 * @param image the container image to run the app from (local queue with a container
 * runtime, Kubernetes); it replaces a native command
 * @param sif the Singularity/Apptainer image path used under Slurm
 * @param weights a model weights file passed as {@code --weights=<path>} (mrcnn) and
 * mounted read-only
 * @param mounts more host files or directories the app reads, mounted read-only
 */
public record AppSettings(@Nullable String image, @Nullable String sif, @Nullable String weights, List<String> mounts) {

	public AppSettings {
		image = blankToNull(image);
		sif = blankToNull(sif);
		weights = blankToNull(weights);
		mounts = (mounts != null) ? List.copyOf(mounts) : List.of();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
