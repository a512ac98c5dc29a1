package io.caesarrest.app;

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
 */
public record AppLaunch(@Nullable String image, @Nullable String singularity, List<String> command,
		@JsonProperty("native") List<String> nativeCommand, List<String> fixedArgs) {

	public AppLaunch {
		command = (command != null) ? List.copyOf(command) : List.of();
		nativeCommand = (nativeCommand != null) ? List.copyOf(nativeCommand) : List.of();
		fixedArgs = (fixedArgs != null) ? List.copyOf(fixedArgs) : List.of();
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
