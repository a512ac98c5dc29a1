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

	/** The MongoDB image of the tests against a real MongoDB server. */
	public static final String MONGO_IMAGE = System.getenv().getOrDefault("MONGO_IMAGE", "mongo:7");

	/** The base of every image tests build. */
	public static final String BASE_IMAGE = System.getenv().getOrDefault("BASE_IMAGE", "local/debian:bookworm");

	private TestImages() {
	}

	/** Skips the calling test unless a Docker daemon answers and has the base image. */
	public static void assumeDockerWithBaseImage() {
		assumeDockerWithImage(BASE_IMAGE);
	}

	/**
	 * Skips the calling test unless a Docker daemon answers and has the image (no
	 * registry can be reached to pull it).
	 * @param image the image the test needs
	 */
	public static void assumeDockerWithImage(String image) {
		boolean docker;
		try {
			docker = DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			docker = false;
		}
		assumeTrue(docker, "No Docker daemon: the container tests are skipped");
		assumeTrue(hasImage(image), image.equals(BASE_IMAGE)
				? "No base image " + image + " on the Docker daemon (deploy/docker/build-base-image.sh makes it): "
						+ "the container tests are skipped"
				: "No image " + image + " on the Docker daemon (no registry to pull it from): skipped");
	}

	/** Whether a Docker daemon answers and has the base image ({@code @EnabledIf}). */
	public static boolean baseImageAvailable() {
		return dockerAvailable() && hasImage(BASE_IMAGE);
	}

	/** Whether a Docker daemon answers and has the MongoDB image ({@code @EnabledIf}). */
	public static boolean mongoImageAvailable() {
		return dockerAvailable() && hasImage(MONGO_IMAGE);
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
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
