package io.caesarrest.webhook;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import io.caesarrest.job.JobStatusChange;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The webhook deliveries still to make, in the {@code webhook_deliveries} collection
 * keyed by job id: written with the job's terminal state, removed once delivered or given
 * up, so a restarted monitor delivers what a stopped one did not. The collection holds
 * only undelivered entries and stays small.
 */
public class WebhookOutbox {

	static final String COLLECTION = "webhook_deliveries";

	private final MongoOperations mongo;

	public WebhookOutbox(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Queues the delivery of a job's terminal status, due at once.
	 * @param change the job's terminal status
	 * @param url where to post it
	 */
	public void enqueue(JobStatusChange change, String url) {
		this.mongo.save(new Document("_id", change.jobId()).append("url", url)
			.append("change", change.toDocument())
			.append("attempts", 0)
			.append("next_attempt", new Date())
			.append("created", new Date()), COLLECTION);
	}

	/** Every queued delivery, the earliest due first. */
	public List<Delivery> all() {
		return this.mongo.findAll(Document.class, COLLECTION)
			.stream()
			.map(Delivery::of)
			.sorted(Comparator.comparing(Delivery::nextAttempt))
			.toList();
	}

	/** A queued delivery by job id. */
	public Optional<Delivery> find(String jobId) {
		return Optional.ofNullable(this.mongo.findById(jobId, Document.class, COLLECTION)).map(Delivery::of);
	}

	/** Removes a delivery that succeeded or was given up. */
	public void remove(String jobId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(jobId)), COLLECTION);
	}

	/**
	 * Records a failed attempt and when to try again.
	 * @param jobId the job id
	 * @param attempts the attempts made so far
	 * @param next when to try again
	 * @param error what went wrong
	 */
	public void retryLater(String jobId, int attempts, Instant next, String error) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)),
				new Update().set("attempts", attempts).set("next_attempt", Date.from(next)).set("last_error", error),
				COLLECTION);
	}

	/**
	 * A queued delivery.
	 *
	 * @param jobId the job id
	 * @param url the target URL
	 * @param change the job's terminal status
	 * @param attempts attempts made so far
	 * @param nextAttempt when the next attempt is due
	 * @param lastError what the last attempt failed with, or null
	 */
	public record Delivery(String jobId, String url, JobStatusChange change, int attempts, Instant nextAttempt,
			@Nullable String lastError) {

		static Delivery of(Document document) {
			return new Delivery(document.getString("_id"), document.getString("url"),
					JobStatusChange.fromDocument(document.get("change", Document.class)),
					document.getInteger("attempts", 0), document.getDate("next_attempt").toInstant(),
					document.getString("last_error"));
		}

	}

}
