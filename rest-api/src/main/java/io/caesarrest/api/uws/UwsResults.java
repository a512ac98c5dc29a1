package io.caesarrest.api.uws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobOutputs;

/**
 * The results of an ended job: its indexed outputs by label, with size and MIME type, and
 * the archive of its whole directory.
 */
final class UwsResults {

	private UwsResults() {
	}

	/** The job's indexed outputs, then the archive of its whole directory. */
	static List<UwsJob.Result> of(AppCatalog apps, Job job, String base) {
		Path dir = Path.of(job.jobDir());
		Map<String, String> outputs = (job.outputs() != null && !job.outputs().isEmpty()) ? job.outputs()
				: JobOutputs.index(apps, job);
		List<UwsJob.Result> results = new ArrayList<>();
		outputs.forEach((label, name) -> {
			Path file = dir.resolve(name);
			if (Files.isRegularFile(file)) {
				results.add(new UwsJob.Result(label, base + "/" + job.id() + "/results/" + label, size(file),
						mimeType(name)));
			}
		});
		if (Files.isDirectory(dir)) {
			results
				.add(new UwsJob.Result(ARCHIVE, base + "/" + job.id() + "/results/" + ARCHIVE, -1, "application/gzip"));
		}
		return results;
	}

	/** The result that is the whole job directory as a tar.gz. */
	static final String ARCHIVE = "archive";

	/** The file of a result, if the job has it. */
	static Optional<Path> file(AppCatalog apps, Job job, String label) {
		Map<String, String> outputs = (job.outputs() != null && !job.outputs().isEmpty()) ? job.outputs()
				: JobOutputs.index(apps, job);
		return Optional.ofNullable(outputs.get(label))
			.map((name) -> Path.of(job.jobDir()).resolve(name))
			.filter(Files::isRegularFile);
	}

	static String mimeType(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".json")) {
			return "application/json";
		}
		if (lower.endsWith(".png")) {
			return "image/png";
		}
		if (lower.endsWith(".vot") || lower.endsWith(".xml") || lower.endsWith(".votable")) {
			return "application/x-votable+xml";
		}
		if (lower.endsWith(".fits") || lower.endsWith(".fit")) {
			return "application/fits";
		}
		if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
			return "application/gzip";
		}
		return "text/plain";
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return -1;
		}
	}

}
