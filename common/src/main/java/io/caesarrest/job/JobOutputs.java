package io.caesarrest.job;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.app.AppOutputs;

/**
 * Finds a finished job's output files once, by the globs of its app, so that requests
 * read the index instead of scanning the job dir.
 */
public final class JobOutputs {

	public static final String ISLANDS_JSON = "islands-json";

	public static final String ISLANDS = "islands";

	public static final String COMPONENTS_JSON = "components-json";

	public static final String COMPONENTS = "components";

	public static final String PLOT = "plot";

	public static final String REGIONS = "regions";

	private JobOutputs() {
	}

	/**
	 * Indexes the outputs of a job by the globs of its app.
	 * @param apps the app catalog
	 * @param job the job
	 * @return label to file name, for the outputs found; empty if the app is gone
	 */
	public static Map<String, String> index(AppCatalog apps, Job job) {
		return apps.find(job.app()).map((app) -> index(app.outputs(), Path.of(job.jobDir()))).orElse(Map.of());
	}

	/**
	 * Indexes the outputs present in the root of a job dir.
	 * @param outputs the app's output globs
	 * @param jobDir the job dir
	 * @return label to file name, for the outputs found
	 */
	public static Map<String, String> index(AppOutputs outputs, Path jobDir) {
		Map<String, String> index = new LinkedHashMap<>();
		put(index, ISLANDS_JSON, outputs.islandsJson(), jobDir);
		put(index, ISLANDS, outputs.islands(), jobDir);
		put(index, COMPONENTS_JSON, outputs.componentsJson(), jobDir);
		put(index, COMPONENTS, outputs.components(), jobDir);
		put(index, PLOT, outputs.plot(), jobDir);
		put(index, REGIONS, outputs.regions(), jobDir);
		return index;
	}

	private static void put(Map<String, String> index, String label, String glob, Path jobDir) {
		if (glob != null) {
			firstMatch(glob, jobDir).ifPresent((name) -> index.put(label, name));
		}
	}

	/** The first file name in the dir matching the glob, in name order. */
	public static Optional<String> firstMatch(String glob, Path dir) {
		if (!Files.isDirectory(dir)) {
			return Optional.empty();
		}
		TreeSet<String> names = new TreeSet<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
			stream.forEach((p) -> {
				if (Files.isRegularFile(p)) {
					names.add(p.getFileName().toString());
				}
			});
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		return names.stream().findFirst();
	}

}
