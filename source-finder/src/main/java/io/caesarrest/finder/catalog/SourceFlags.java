package io.caesarrest.finder.catalog;

/**
 * Bit flags reported for islands and components.
 */
public final class SourceFlags {

	/** The island touches the image border. */
	public static final int BORDER = 1;

	/** The island touches blank (NaN) pixels. */
	public static final int BLANK = 2;

	/** The Gaussian fit failed; component values come from moments. */
	public static final int FIT_FAILED = 4;

	/** The island has more than one fitted component. */
	public static final int MULTI_COMPONENT = 8;

	private SourceFlags() {
	}

}
