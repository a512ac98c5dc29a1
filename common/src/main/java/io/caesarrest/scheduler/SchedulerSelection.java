package io.caesarrest.scheduler;

import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The scheduler type this service runs jobs on, checked against the backends on the class
 * path.
 *
 * @param type the configured type
 * @param available the types of the backends the application carries
 */
public record SchedulerSelection(String type, List<String> available) {

	/**
	 * Checks the configured type against the backends found on a class path.
	 * @param type the configured type
	 * @param classLoader where to look for {@link SchedulerBackend} entries
	 * @return the selection
	 * @throws UnknownSchedulerException if no backend has that type
	 */
	public static SchedulerSelection check(String type, ClassLoader classLoader) {
		TreeSet<String> available = new TreeSet<>();
		ServiceLoader.load(SchedulerBackend.class, classLoader).forEach((backend) -> available.add(backend.type()));
		if (!available.contains(type)) {
			throw new UnknownSchedulerException(type, List.copyOf(available));
		}
		return new SchedulerSelection(type, List.copyOf(available));
	}

}
