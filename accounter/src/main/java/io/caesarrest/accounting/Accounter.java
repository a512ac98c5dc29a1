package io.caesarrest.accounting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.caesarrest.job.JobState;
import io.caesarrest.storage.StorageLayout;
import io.caesarrest.storage.UsageMarks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Computes how much each user stores and runs, and the service-wide totals: file counts
 * and sizes from the files collection, job counts and elapsed times from the jobs
 * collection, disk usage of each user's data and job dirs.
 */
public class Accounter {

	private static final Logger log = LoggerFactory.getLogger(Accounter.class);

	private final UsageReader reader;

	private final StorageLayout layout;

	private final AccountingRepository repository;

	private final UsageMarks marks;

	private final Clock clock;

	/** Each user's tally and figures as last counted; null before the first pass. */
	private @Nullable Map<String, Counted> users;

	public Accounter(MongoOperations mongo, StorageLayout layout, AccountingRepository repository, Clock clock) {
		this.reader = new UsageReader(mongo);
		this.layout = layout;
		this.repository = repository;
		this.marks = new UsageMarks(mongo);
		this.clock = clock;
	}

	/**
	 * One pass: the first counts every user; the next ones only the users whose files or
	 * jobs changed since (their owners are marked by every write) and those with jobs
	 * still running, so a pass costs O(changes). Each recounted user's figures are
	 * stored, and the service-wide figures are summed from the counts in memory. Users
	 * whose files and jobs are all gone get zeroed figures rather than stale ones.
	 * @return the service-wide figures just stored
	 */
	public synchronized AppStats runOnce() {
		long started = System.nanoTime();
		Instant now = now();
		Map<String, Instant> marked = this.marks.marked();
		Map<String, UserTally> recounted;
		if (this.users == null) {
			recounted = this.reader.readAll(now);
			this.repository.users().forEach((user) -> recounted.computeIfAbsent(user, UserTally::new));
			this.users = new TreeMap<>();
		}
		else {
			recounted = new TreeMap<>();
			Set<String> stale = new TreeSet<>(marked.keySet());
			this.users.forEach((user, counted) -> {
				if (counted.tally().jobs().count(JobState.PENDING, JobState.STARTED, JobState.RUNNING) > 0) {
					stale.add(user);
				}
			});
			stale.forEach((user) -> recounted.put(user, this.reader.read(user, now)));
		}
		for (UserTally user : recounted.values()) {
			UserAccounting figures = figures(user, now);
			this.repository.save(figures);
			this.users.put(user.user(), new Counted(user, figures));
		}
		this.marks.clear(marked);
		ServiceTally service = new ServiceTally();
		this.users.values().forEach((counted) -> service.add(counted.tally(), counted.figures()));
		AppStats stats = service.toAppStats(now);
		this.repository.save(stats);
		log.debug("Accounted {} of {} users in {} ms", recounted.size(), this.users.size(),
				(System.nanoTime() - started) / 1_000_000);
		return stats;
	}

	/**
	 * One user's figures computed now, without storing them.
	 * @param user the owner
	 * @return the figures, all zero for a user who owns nothing
	 */
	public UserAccounting account(String user) {
		Instant now = now();
		return figures(this.reader.read(user, now), now);
	}

	/** Now, to the millisecond the store keeps, so stored and returned figures agree. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** A user's tally and the figures stored from it. */
	private record Counted(UserTally tally, UserAccounting figures) {

	}

	private UserAccounting figures(UserTally user, Instant now) {
		return user.toAccounting(DiskUsage.kib(this.layout.userDataDir(user.user())),
				DiskUsage.kib(this.layout.userJobDir(user.user())), now);
	}

}
