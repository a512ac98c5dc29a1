package io.caesarrest.monitor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.caesarrest.job.EndedJobs;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobRepository;
import io.caesarrest.storage.StorageLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * Removes what is older than the retention age ({@code caesar.monitor.retention}): ended
 * jobs with their directories, and job directories whose job record is gone. Uploaded
 * data files are the users' and are never removed here.
 */
class JobRetention {

	private static final Logger log = LoggerFactory.getLogger(JobRetention.class);

	private static final int BATCH = 500;

	private final JobRepository jobs;

	private final StorageLayout layout;

	private final Duration retention;

	private final Clock clock;

	JobRetention(JobRepository jobs, StorageLayout layout, Duration retention, Clock clock) {
		this.jobs = jobs;
		this.layout = layout;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * Runs one retention pass.
	 * @return how many jobs and orphan directories were removed
	 */
	Map<String, Integer> purge() {
		Instant cutoff = this.clock.instant().minus(this.retention);
		EndedJobs ended = this.jobs.ended();
		Optional<Instant> next = ended.nextHour();
		int jobsRemoved = next.isPresent() ? purgeByHour(ended, next.get(), cutoff) : purgeByScan(ended, cutoff);
		int orphans = purgeOrphanDirectories(cutoff);
		if (jobsRemoved + orphans > 0) {
			log.info("Retention: removed {} jobs ended before {} and {} directories of deleted jobs", jobsRemoved,
					cutoff, orphans);
		}
		return Map.of("jobs", jobsRemoved, "orphanDirectories", orphans);
	}

	/**
	 * Reads the hours not read yet, each by its id, up to the last whole hour before the
	 * cutoff: the cost grows with the jobs that expire, not with all stored jobs.
	 */
	private int purgeByHour(EndedJobs ended, Instant next, Instant cutoff) {
		int removed = 0;
		Instant hour = next;
		while (!hour.plus(EndedJobs.step()).isAfter(cutoff)) {
			List<String> ids = ended.endedIn(hour);
			for (int from = 0; from < ids.size(); from += BATCH) {
				for (Job job : this.jobs.findAllById(ids.subList(from, Math.min(ids.size(), from + BATCH)))) {
					if (job.state().isTerminal() && (job.endDate() == null || job.endDate().isBefore(cutoff))
							&& remove(job)) {
						removed++;
					}
				}
			}
			ended.forget(hour);
			hour = hour.plus(EndedJobs.step());
			ended.setNextHour(hour);
		}
		return removed;
	}

	/**
	 * The first pass (and the pass after an upgrade from a version without the hours):
	 * one query over all ended jobs, then the hours from the cutoff's on.
	 */
	private int purgeByScan(EndedJobs ended, Instant cutoff) {
		int jobsRemoved = 0;
		int batchRemoved;
		List<Job> expired;
		do {
			batchRemoved = 0;
			expired = this.jobs.findEndedBefore(cutoff, BATCH);
			for (Job job : expired) {
				if (remove(job)) {
					batchRemoved++;
				}
			}
			jobsRemoved += batchRemoved;
		}
		while (expired.size() == BATCH && batchRemoved == BATCH);
		ended.setNextHour(EndedJobs.hour(cutoff));
		return jobsRemoved;
	}

	private boolean remove(Job job) {
		if (job.jobDir() == null || removeDirectory(Path.of(job.jobDir()))) {
			this.jobs.delete(job.id());
			return true;
		}
		return false;
	}

	private int purgeOrphanDirectories(Instant cutoff) {
		int removed = 0;
		for (Path userDir : list(this.layout.jobdir())) {
			List<Path> old = new ArrayList<>();
			for (Path dir : list(userDir)) {
				String name = dir.getFileName().toString();
				if (name.startsWith("job_") && modifiedBefore(dir, cutoff)) {
					old.add(dir);
				}
			}
			for (int from = 0; from < old.size(); from += BATCH) {
				List<Path> batch = old.subList(from, Math.min(old.size(), from + BATCH));
				Set<String> existing = this.jobs
					.existingIds(batch.stream().map((dir) -> dir.getFileName().toString().substring(4)).toList());
				for (Path dir : batch) {
					if (!existing.contains(dir.getFileName().toString().substring(4)) && removeDirectory(dir)) {
						removed++;
					}
				}
			}
		}
		return removed;
	}

	private static List<Path> list(Path dir) {
		List<Path> entries = new ArrayList<>();
		if (!Files.isDirectory(dir)) {
			return entries;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, Files::isDirectory)) {
			stream.forEach(entries::add);
		}
		catch (IOException ex) {
			log.warn("Retention: cannot list {}: {}", dir, ex.toString());
		}
		return entries;
	}

	private static boolean modifiedBefore(Path dir, Instant cutoff) {
		try {
			return Files.getLastModifiedTime(dir).toInstant().isBefore(cutoff);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean removeDirectory(Path dir) {
		try {
			FileSystemUtils.deleteRecursively(dir);
			return true;
		}
		catch (IOException ex) {
			log.warn("Retention: cannot remove {}: {}", dir, ex.toString());
			return false;
		}
	}

}
