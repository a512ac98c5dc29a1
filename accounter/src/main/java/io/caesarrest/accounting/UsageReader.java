package io.caesarrest.accounting;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.caesarrest.file.DataFile;
import io.caesarrest.storage.OwnerSequences;
import io.caesarrest.storage.WarmUpOwner;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobState;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads what users own from the store: file counts and sizes grouped by the database,
 * jobs streamed with only the fields the counters need, so memory stays proportional to
 * the number of users and apps, not of documents.
 */
final class UsageReader {

	private static final int PAGE = 1000;

	private final MongoOperations mongo;

	private final OwnerSequences files;

	private final OwnerSequences jobs;

	UsageReader(MongoOperations mongo) {
		this.mongo = mongo;
		this.files = new OwnerSequences(mongo, mongo.getCollectionName(DataFile.class));
		this.jobs = new OwnerSequences(mongo, mongo.getCollectionName(Job.class));
	}

	/** Every owner of a file or job, by name; not the service's own warm-up. */
	Map<String, UserTally> readAll(Instant now) {
		return read(Criteria.where("owner").ne(WarmUpOwner.NAME), now);
	}

	/**
	 * One user's figures, read through the user's numbered lists of files and jobs, so
	 * the cost grows with what the user owns, not with the store; an empty tally if the
	 * user owns nothing.
	 */
	UserTally read(String user, Instant now) {
		UserTally tally = new UserTally(user);
		forEach(this.files, user, DataFile.class, (file) -> tally.addFiles(1, file.size()));
		forEach(this.jobs, user, Job.class, (job) -> tally.addJob(job.app(), job.state(), job.elapsedSeconds(now)));
		return tally;
	}

	private static <T> void forEach(OwnerSequences sequences, String user, Class<T> type, Consumer<T> action) {
		OwnerSequences.forEachItem((before) -> sequences.newestFirst(user, before, PAGE, type, (item) -> true), action);
	}

	private Map<String, UserTally> read(Criteria owners, Instant now) {
		Map<String, UserTally> users = new TreeMap<>();
		Aggregation files = Aggregation.newAggregation(Aggregation.match(owners),
				Aggregation.group("owner").count().as("files").sum("size").as("bytes"));
		this.mongo.aggregate(files, this.mongo.getCollectionName(DataFile.class), FileUsage.class)
			.forEach((usage) -> users.computeIfAbsent(usage.owner(), UserTally::new)
				.addFiles(usage.files(), usage.bytes()));
		Query jobs = Query.query(owners);
		jobs.fields().include("owner", "app", "state", "start_date", "end_date");
		try (Stream<JobUsage> stream = this.mongo.stream(jobs, JobUsage.class,
				this.mongo.getCollectionName(Job.class))) {
			stream.forEach((job) -> users.computeIfAbsent(job.owner(), UserTally::new)
				.addJob(job.app(), job.state(), job.elapsedSeconds(now)));
		}
		return users;
	}

	/**
	 * One owner's files as grouped by the store.
	 *
	 * @param owner the owner
	 * @param files number of files
	 * @param bytes summed size
	 */
	record FileUsage(@Id String owner, long files, long bytes) {

	}

	/**
	 * The fields of a job document the counters need.
	 *
	 * @param owner the owner
	 * @param app the app name
	 * @param state the state
	 * @param startDate start time, null until started
	 * @param endDate end time, null until ended
	 */
	record JobUsage(String owner, String app, JobState state, @Field("start_date") Instant startDate,
			@Field("end_date") Instant endDate) {

		/** Elapsed seconds by the same rule as {@link Job#elapsedSeconds(Instant)}. */
		double elapsedSeconds(Instant now) {
			if (this.startDate == null) {
				return 0;
			}
			Instant end = (this.endDate != null) ? this.endDate : (this.state.isTerminal() ? this.startDate : now);
			return Math.max(0, Duration.between(this.startDate, end).toMillis() / 1000.0);
		}

	}

}
