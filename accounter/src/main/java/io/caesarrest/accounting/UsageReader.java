package io.caesarrest.accounting;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.caesarrest.file.DataFile;
import io.caesarrest.job.Job;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads what users own from the store: file counts and sizes grouped by the database,
 * jobs streamed with only the fields the counters need, so memory stays proportional to
 * the number of users and apps, not of documents.
 */
final class UsageReader {

	private final MongoOperations mongo;

	UsageReader(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/** Every owner of a file or job, by name. */
	Map<String, UserTally> readAll(Instant now) {
		return read(new Criteria(), now);
	}

	/** One user's figures; an empty tally if the user owns nothing. */
	UserTally read(String user, Instant now) {
		return read(Criteria.where("owner").is(user), now).getOrDefault(user, new UserTally(user));
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
		try (Stream<Job> stream = this.mongo.stream(jobs, Job.class)) {
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

}
