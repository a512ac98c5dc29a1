package io.caesarrest.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Marks the users whose files or jobs changed since the accounter last counted them
 * ({@code usage_marks}: one small document per such user), so that the accounter recounts
 * only them: its cost grows with the changes since its last pass, not with the whole
 * history. Every write of a file or job record marks its owner (but the service's own
 * warm-up user, {@link WarmUpOwner}).
 */
public class UsageMarks {

	static final String COLLECTION = "usage_marks";

	private final MongoOperations mongo;

	public UsageMarks(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Marks users as changed, in one command.
	 * @param owners the users
	 */
	public void mark(Collection<String> owners) {
		Set<String> users = new HashSet<>(owners);
		// the service's own warm-up is no one's usage
		users.remove(WarmUpOwner.NAME);
		if (users.isEmpty()) {
			return;
		}
		Date now = new Date();
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
		for (String owner : users) {
			bulk.upsert(Query.query(Criteria.where("_id").is(owner)), new Update().set("at", now));
		}
		bulk.execute();
	}

	/**
	 * The users marked now, with the time of their latest mark.
	 * @return user to mark time
	 */
	public Map<String, Instant> marked() {
		Map<String, Instant> marked = new LinkedHashMap<>();
		for (Document mark : this.mongo.findAll(Document.class, COLLECTION)) {
			marked.put(mark.getString("_id"), mark.getDate("at").toInstant());
		}
		return marked;
	}

	/**
	 * Clears the marks that were counted, unless a user was marked again since.
	 * @param counted user to the mark time that was read before counting
	 */
	public void clear(Map<String, Instant> counted) {
		counted.forEach((owner, at) -> this.mongo
			.remove(Query.query(Criteria.where("_id").is(owner).and("at").is(Date.from(at))), COLLECTION));
	}

}
