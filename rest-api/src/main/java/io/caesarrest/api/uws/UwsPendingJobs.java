package io.caesarrest.api.uws;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * UWS jobs created without {@code PHASE=RUN}: their checked request waits here, in the
 * {@code uws_pending} collection keyed by the id the job will have, until the client runs
 * it (it then becomes a job of the engine with the same id and leaves this collection) or
 * deletes it. Only such waiting jobs are here, so the collection stays small.
 */
@Component
class UwsPendingJobs {

	private static final String COLLECTION = "uws_pending";

	private final MongoOperations mongo;

	UwsPendingJobs(MongoOperations mongo) {
		this.mongo = mongo;
	}

	void save(Pending pending) {
		this.mongo.insert(new Document("_id", pending.id()).append("owner", pending.owner())
			.append("app", pending.app())
			.append("request", pending.request())
			.append("parameters", new Document(pending.parameters()))
			.append("run_id", pending.runId())
			.append("created", Date.from(pending.created())), COLLECTION);
	}

	Optional<Pending> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION)).map(UwsPendingJobs::of);
	}

	List<Pending> findByOwner(String owner) {
		return this.mongo.find(Query.query(Criteria.where("owner").is(owner)), Document.class, COLLECTION)
			.stream()
			.map(UwsPendingJobs::of)
			.toList();
	}

	/** Removes a waiting job; whether this call removed it. */
	boolean remove(String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).getDeletedCount() > 0;
	}

	private static Pending of(Document document) {
		Map<String, String> parameters = new LinkedHashMap<>();
		document.get("parameters", Document.class)
			.forEach((name, value) -> parameters.put(name, String.valueOf(value)));
		return new Pending(document.getString("_id"), document.getString("owner"), document.getString("app"),
				document.getString("request"), parameters, document.getString("run_id"),
				document.getDate("created").toInstant());
	}

	/**
	 * A job waiting for {@code PHASE=RUN}.
	 *
	 * @param id the id the job will have
	 * @param owner its owner
	 * @param app its app
	 * @param request the checked REST request (JSON) it will be submitted with
	 * @param parameters the UWS parameters as given
	 * @param runId the client's run id, or null
	 * @param created when it was created
	 */
	record Pending(String id, String owner, String app, String request, Map<String, String> parameters,
			@Nullable String runId, Instant created) {

	}

}
