package io.caesarrest.job;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The jobs that ended, by the hour they ended in ({@code jobs_ended_hours}: one document
 * per hour, its id the hour, holding the ids), so that the retention pass reads the hours
 * it has not read yet by id and never scans the jobs: its cost grows with the jobs that
 * expire, not with all jobs ever run. The hour is that of the write that ended the job,
 * never before its end date, so a job is removed at most one hour late and never early.
 */
public class EndedJobs {

	static final String COLLECTION = "jobs_ended_hours";

	private static final String STATE = "retention_state";

	private static final String NEXT = "next_hour";

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH")
		.withZone(ZoneOffset.UTC);

	private final MongoOperations mongo;

	EndedJobs(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/** Records that these jobs ended now. */
	void record(Collection<String> ids, Instant now) {
		if (!ids.isEmpty()) {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(key(hour(now)))),
					new Update().addToSet("ids").each(ids.toArray()), COLLECTION);
		}
	}

	/**
	 * The first hour the retention pass has not read yet, empty before its first pass.
	 * @return the hour's start
	 */
	public Optional<Instant> nextHour() {
		Document state = this.mongo.findById(NEXT, Document.class, STATE);
		return Optional.ofNullable(state).map((document) -> document.getDate("hour").toInstant());
	}

	/**
	 * Sets the first hour the retention pass has not read yet; a first call also drops
	 * the hours before it (their jobs were found by a full pass).
	 * @param hour the hour's start
	 */
	public void setNextHour(Instant hour) {
		if (nextHour().isEmpty()) {
			this.mongo.remove(Query.query(Criteria.where("_id").lt(key(hour))), COLLECTION);
		}
		this.mongo.save(new Document("_id", NEXT).append("hour", java.util.Date.from(hour)), STATE);
	}

	/**
	 * The ids of the jobs that ended in an hour.
	 * @param hour the hour's start
	 * @return the ids, empty if none
	 */
	public List<String> endedIn(Instant hour) {
		Document bucket = this.mongo.findById(key(hour), Document.class, COLLECTION);
		return (bucket != null) ? bucket.getList("ids", String.class, List.of()) : List.of();
	}

	/** Forgets an hour once its expired jobs are removed. */
	public void forget(Instant hour) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(key(hour))), COLLECTION);
	}

	/** The start of the hour a time is in. */
	public static Instant hour(Instant time) {
		return time.truncatedTo(ChronoUnit.HOURS);
	}

	/** One hour. */
	public static Duration step() {
		return Duration.ofHours(1);
	}

	private static String key(Instant hour) {
		return HOUR.format(hour);
	}

}
