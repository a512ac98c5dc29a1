package io.caesarrest.accounting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.caesarrest.storage.StorageLayout;
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

	private final Clock clock;

	public Accounter(MongoOperations mongo, StorageLayout layout, AccountingRepository repository, Clock clock) {
		this.reader = new UsageReader(mongo);
		this.layout = layout;
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * One pass: stores every user's figures and the service-wide ones. Users whose files
	 * and jobs are all gone get zeroed figures rather than stale ones.
	 * @return the service-wide figures just stored
	 */
	public AppStats runOnce() {
		long started = System.nanoTime();
		Instant now = now();
		Map<String, UserTally> users = this.reader.readAll(now);
		this.repository.users().forEach((user) -> users.computeIfAbsent(user, UserTally::new));
		ServiceTally service = new ServiceTally();
		for (UserTally user : users.values()) {
			UserAccounting figures = figures(user, now);
			this.repository.save(figures);
			service.add(user, figures);
		}
		AppStats stats = service.toAppStats(now);
		this.repository.save(stats);
		log.debug("Accounted {} users in {} ms", users.size(), (System.nanoTime() - started) / 1_000_000);
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

	private UserAccounting figures(UserTally user, Instant now) {
		return user.toAccounting(DiskUsage.kib(this.layout.userDataDir(user.user())),
				DiskUsage.kib(this.layout.userJobDir(user.user())), now);
	}

}
