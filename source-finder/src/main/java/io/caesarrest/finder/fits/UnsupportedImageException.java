package io.caesarrest.finder.fits;

/**
 * Thrown when a file cannot be used as an image: unreadable, no image HDU, or a cube.
 */
public class UnsupportedImageException extends RuntimeException {

	public UnsupportedImageException(String message) {
		super(message);
	}

	public UnsupportedImageException(String message, Throwable cause) {
		super(message, cause);
	}

}
