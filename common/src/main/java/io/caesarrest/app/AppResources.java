package io.caesarrest.app;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Resource hints of an app, used to size scheduler requests.
 *
 * @param cores the CPU cores a job needs
 * @param memory the memory a job needs as a Kubernetes quantity ({@code 2Gi},
 * {@code 512Mi}, {@code 1G})
 * @param gpu the GPUs a job needs
 * @param maxRunTime the longest a job may run
 */
public record AppResources(int cores, String memory, int gpu, Duration maxRunTime) {

	/** The hints of an app whose descriptor has none. */
	public static final AppResources DEFAULT = new AppResources(null, null, null, null);

	private static final Pattern QUANTITY = Pattern.compile("(\\d+)([KMGT]i?)?", Pattern.CASE_INSENSITIVE);

	@JsonCreator
	public AppResources(@JsonProperty("cores") @Nullable Integer cores, @JsonProperty("memory") @Nullable String memory,
			@JsonProperty("gpu") @Nullable Integer gpu, @JsonProperty("max-run-time") @Nullable Duration maxRunTime) {
		this((cores != null) ? cores : 1, (memory != null) ? memory : "2Gi", (gpu != null) ? gpu : 0,
				(maxRunTime != null) ? maxRunTime : Duration.ofHours(24));
	}

	/**
	 * Return the memory in bytes.
	 * @return the memory hint in bytes
	 * @throws IllegalArgumentException if the memory is not a quantity like {@code 2Gi}
	 */
	public long memoryBytes() {
		Matcher matcher = QUANTITY.matcher(this.memory.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Memory '" + this.memory + "' is not a quantity like 2Gi or 512M");
		}
		long value = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2).toUpperCase(Locale.ROOT) : "";
		int power = unit.isEmpty() ? 0 : "KMGT".indexOf(unit.charAt(0)) + 1;
		long base = unit.endsWith("I") ? 1024 : 1000;
		long bytes = value;
		for (int i = 0; i < power; i++) {
			bytes = Math.multiplyExact(bytes, base);
		}
		return bytes;
	}

}
