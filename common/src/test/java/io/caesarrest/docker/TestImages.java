package io.caesarrest.docker;

import java.nio.file.Path;

import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The images tests build on the local Docker daemon. No registry can be reached, so every
 * image takes its base from {@code BASE_IMAGE} (default {@code local/debian:bookworm},
 * which {@code deploy/docker/build-base-image.sh} makes with debootstrap). Tests that
 * need Docker are skipped, and say so, where there is no daemon or no base image.
 */
public final class TestImages {

	/** The base of every image tests build. */
	public static final String BASE_IMAGE = System.getenv().getOrDefault("BASE_IMAGE", "local/debian:bookworm");

	private TestImages() {
	}

	/** Skips the calling test unless a Docker daemon answers and has the base image. */
	public static void assumeDockerWithBaseImage() {
		boolean docker;
		try {
			docker = DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			docker = false;
		}
		assumeTrue(docker, "No Docker daemon: the container tests are skipped");
		assumeTrue(hasImage(BASE_IMAGE), "No base image " + BASE_IMAGE
				+ " on the Docker daemon (deploy/docker/build-base-image.sh makes it): the container tests are skipped");
	}

	/** Whether the daemon has an image of that name. */
	public static boolean hasImage(String image) {
		try {
			DockerClientFactory.instance().client().inspectImageCmd(image).exec();
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	/**
	 * Builds an image from a directory holding its Dockerfile, on {@link #BASE_IMAGE}.
	 * @param name the image's name
	 * @param context the build context
	 * @return the image's name
	 */
	public static String build(String name, Path context) {
		return new ImageFromDockerfile(name, false).withFileFromPath(".", context)
			.withBuildArg("BASE_IMAGE", BASE_IMAGE)
			.get();
	}

}
