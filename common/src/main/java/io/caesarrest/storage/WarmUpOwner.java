package io.caesarrest.storage;

/**
 * The owner of the jobs and files the all-in-one service runs for itself when it starts,
 * to warm up its job path (the REST API's {@code JobWarmUp}): a name no caller can have
 * (a token that names it is refused), whose jobs no usage figure, metric or listing
 * counts.
 */
public final class WarmUpOwner {

	/** The owner of the warm-up's jobs and files. */
	public static final String NAME = "caesar-rest:warm-up";

	private WarmUpOwner() {
	}

	/**
	 * Whether an owner is the warm-up's.
	 * @param owner a job's or file's owner
	 * @return whether it is {@link #NAME}
	 */
	public static boolean is(String owner) {
		return NAME.equals(owner);
	}

}
