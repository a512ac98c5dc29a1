package io.caesarrest.scheduler.slurm;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Translates the service's paths (job dir, data dir) into the paths the cluster's nodes
 * see them under.
 */
final class PathMapping {

	private final Map<String, String> mounts = new LinkedHashMap<>();

	private final Pattern pattern;

	/**
	 * A mapping from service paths to cluster paths.
	 * @param mounts service path to cluster path
	 */
	PathMapping(Map<Path, Path> mounts) {
		mounts.entrySet()
			.stream()
			.filter((mount) -> !mount.getKey().equals(mount.getValue()))
			.sorted(Comparator.comparingInt((Map.Entry<Path, Path> mount) -> mount.getKey().toString().length())
				.reversed())
			.forEach((mount) -> this.mounts.put(mount.getKey().toString(), mount.getValue().toString()));
		// a service path at the start of an argument or after =, : or , and ending at a
		// path boundary; the longest alternative first, each place replaced once
		this.pattern = this.mounts.isEmpty() ? null : Pattern.compile("(?<![^=:,])("
				+ this.mounts.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")(?=/|$|[:,])");
	}

	/**
	 * Where the cluster sees a path of the service.
	 * @param path a service path
	 * @return the cluster path
	 */
	Path toCluster(Path path) {
		return Path.of(toCluster(path.toString()));
	}

	/**
	 * Rewrites the service paths in a command-line argument: the argument itself
	 * ({@code /srv/data/a.fits}) or a path after {@code =}, {@code :} or {@code ,}
	 * ({@code --inputfile=/srv/data/a.fits}). Only whole path components match, so
	 * {@code /srv/database} is not under {@code /srv/data}.
	 * @param argument the argument
	 * @return the argument with cluster paths
	 */
	String toCluster(String argument) {
		if (this.pattern == null) {
			return argument;
		}
		return this.pattern.matcher(argument)
			.replaceAll((match) -> Matcher.quoteReplacement(this.mounts.get(match.group(1))));
	}

}
