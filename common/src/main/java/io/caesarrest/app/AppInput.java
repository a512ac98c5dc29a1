package io.caesarrest.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How an app takes its data input.
 *
 * @param kinds what a job's data input may name
 * @param arg the argument template, {@code {path}} standing for the input's absolute path
 * @param position where the input argument goes in the command line
 */
public record AppInput(List<InputKind> kinds, String arg, InputPosition position) {

	/** The placeholder replaced by the input's path. */
	public static final String PATH_PLACEHOLDER = "{path}";

	/** The input of an app that takes an uploaded file as {@code --inputfile=<path>}. */
	public static final AppInput DEFAULT = new AppInput(null, null, null);

	public AppInput(@Nullable List<InputKind> kinds, @Nullable String arg, @Nullable InputPosition position) {
		this.kinds = (kinds != null) ? List.copyOf(kinds) : List.of(InputKind.FILE);
		this.arg = (arg != null) ? arg : "--inputfile=" + PATH_PLACEHOLDER;
		this.position = (position != null) ? position : InputPosition.LAST;
	}

	/**
	 * Return the argv entries for an input: the template is split on spaces first, so a
	 * path with spaces stays one entry.
	 * @param path the input's path
	 * @return the argv entries
	 */
	public List<String> arguments(Path path) {
		String absolute = path.toAbsolutePath().toString();
		List<String> arguments = new ArrayList<>();
		for (String part : this.arg.trim().split(" +")) {
			arguments.add(part.replace(PATH_PLACEHOLDER, absolute));
		}
		return arguments;
	}

}
