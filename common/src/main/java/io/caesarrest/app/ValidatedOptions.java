package io.caesarrest.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Job options that passed an app's schema.
 *
 * @param arguments the argv entries of the options only, in declaration order
 * @param values the given options normalized to their types (Long, Double, String,
 * Boolean), keyed by option name, in declaration order
 * @param cores the threads per process the job needs, at least 1
 * @param procs the processes the job needs, at least 1
 */
public record ValidatedOptions(List<String> arguments, Map<String, Object> values, int cores, int procs) {

	public ValidatedOptions {
		arguments = List.copyOf(arguments);
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		cores = Math.max(cores, 1);
		procs = Math.max(procs, 1);
	}

}
