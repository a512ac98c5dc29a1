package io.caesarrest.scheduler;

/**
 * Declares a backend module's scheduler type, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.caesarrest.scheduler.SchedulerBackend}), so that the
 * service knows which values of {@code caesar.scheduler.type} the application carries.
 */
public interface SchedulerBackend {

	/**
	 * The value of {@code caesar.scheduler.type} that selects this backend.
	 * @return the type, e.g. {@code local}
	 */
	String type();

}
