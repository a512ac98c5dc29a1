package io.caesarrest.app;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * How an app is started: a container image, a Singularity/Apptainer image or a native
 * command.
 *
 * @param image the container image for Docker and Kubernetes, {@code null} when none
 * @param singularity the Singularity image path for Slurm, {@code null} when none
 * @param command the executable inside the container, empty to use the image's entrypoint
 * @param nativeCommand the argv prefix of an app run without container, empty for image
 * apps
 * @param fixedArgs the service-forced arguments, always placed before the options
 * @param mounts host files or directories the app reads (models, weights), made visible
 * read-only at the same paths in its container
 */
public record AppLaunch(@Nullable String image, @Nullable String singularity, List<String> command,
		@JsonProperty("native") List<String> nativeCommand, List<String> fixedArgs, List<String> mounts) {

	private static final String WEIGHTS = "--weights=";

	public AppLaunch {
		command = (command != null) ? List.copyOf(command) : List.of();
		nativeCommand = (nativeCommand != null) ? List.copyOf(nativeCommand) : List.of();
		fixedArgs = (fixedArgs != null) ? List.copyOf(fixedArgs) : List.of();
		mounts = (mounts != null) ? List.copyOf(mounts) : List.of();
	}

	public AppLaunch(@Nullable String image, @Nullable String singularity, List<String> command,
			List<String> nativeCommand, List<String> fixedArgs) {
		this(image, singularity, command, nativeCommand, fixedArgs, List.of());
	}

	/**
	 * Return this launch with a site's settings applied: an image makes the app run from
	 * it (instead of a native command), a {@code .sif} path is used under Slurm, a
	 * weights file replaces the {@code --weights=} argument and is mounted, mounts are
	 * added.
	 * @param settings the site's settings of this app
	 * @return the launch to use
	 */
	AppLaunch with(AppSettings settings) {
		String newImage = (settings.image() != null) ? settings.image() : this.image;
		List<String> newNative = (settings.image() != null) ? List.of() : this.nativeCommand;
		List<String> args = new ArrayList<>(this.fixedArgs);
		List<String> newMounts = new ArrayList<>(this.mounts);
		if (settings.weights() != null) {
			args.removeIf((arg) -> arg.startsWith(WEIGHTS));
			args.add(WEIGHTS + settings.weights());
			newMounts.add(settings.weights());
		}
		newMounts.addAll(settings.mounts());
		return new AppLaunch(newImage, (settings.sif() != null) ? settings.sif() : this.singularity, this.command,
				newNative, args, newMounts);
	}

	/**
	 * Return whether the app runs as a native command, without container.
	 * @return whether a native command is set
	 */
	@JsonIgnore
	public boolean isNative() {
		return !this.nativeCommand.isEmpty();
	}

}
