package io.caesarrest.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What a job reads besides its own directory, found from its input: the directory of an
 * uploaded file (the owner's uploads), or for a dataset its file list's directory and the
 * directories of every file the list names. Backends that isolate jobs (containers) make
 * these visible read-only at the same paths.
 */
public final class InputPaths {

	/**
	 * Most files of a file list looked at: a larger list is mounted by its directories
	 * only.
	 */
	static final int MAX_LISTED = 100_000;

	private static final JsonFactory JSON = new JsonFactory();

	private InputPaths() {
	}

	/**
	 * The directories a job with this input reads, without one inside another.
	 * @param input the job's input: an uploaded file or a dataset's JSON file list
	 * @return the directories, sorted
	 */
	public static List<Path> of(Path input) {
		Path file = input.toAbsolutePath().normalize();
		TreeSet<Path> dirs = new TreeSet<>();
		if (file.getParent() != null) {
			dirs.add(file.getParent());
		}
		if (file.getFileName() != null && file.getFileName().toString().endsWith(".json")) {
			listed(file).forEach((path) -> dirs.add(Files.isDirectory(path) ? path : path.getParent()));
		}
		return outermost(dirs);
	}

	/** The existing absolute paths a JSON file list names, in any field at any depth. */
	static List<Path> listed(Path fileList) {
		List<Path> paths = new ArrayList<>();
		try (InputStream in = Files.newInputStream(fileList);
				JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null && paths.size() < MAX_LISTED) {
				if (token == JsonToken.VALUE_STRING) {
					String text = parser.getText();
					if (text.startsWith("/")) {
						existing(text).ifPresent(paths::add);
					}
				}
			}
		}
		catch (IOException | JacksonException ex) {
			// not a readable JSON list: the job sees its directory only
		}
		return paths;
	}

	private static Optional<Path> existing(String text) {
		try {
			Path path = Path.of(text).normalize();
			return (path.getParent() != null && Files.exists(path)) ? Optional.of(path) : Optional.empty();
		}
		catch (InvalidPathException ex) {
			return Optional.empty();
		}
	}

	private static List<Path> outermost(TreeSet<Path> dirs) {
		List<Path> result = new ArrayList<>();
		for (Path dir : dirs) {
			boolean inside = false;
			for (Path parent = dir.getParent(); parent != null && !inside; parent = parent.getParent()) {
				inside = dirs.contains(parent);
			}
			if (!inside) {
				result.add(dir);
			}
		}
		return result;
	}

}
