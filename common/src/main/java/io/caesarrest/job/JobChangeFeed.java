package io.caesarrest.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Every job state change, numbered in one increasing sequence and kept in the
 * {@code job_changes} collection (keyed by that number), so that a process that did not
 * write a change (a REST replica beside a separate job monitor) can follow the changes
 * with point lookups by number, and a client can resume after the last one it saw. The
 * process that writes a change also tells its own listeners at once. The newest
 * {@link #RETAINED} changes are kept.
 */
public class JobChangeFeed {

	/** How many changes the feed keeps for readers that resume. */
	public static final int RETAINED = 10_000;

	static final String COLLECTION = "job_changes";

	static final String COUNTER = "job_change_counter";

	private static final int PRUNE_EVERY = 1_000;

	private static final int CHUNK = 500;

	private static final Logger log = LoggerFactory.getLogger(JobChangeFeed.class);

	private final MongoOperations mongo;

	private final List<Consumer<JobStatusChange>> listeners = new CopyOnWriteArrayList<>();

	JobChangeFeed(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Registers a listener of the changes written in this process. It is called on the
	 * writer's thread (a request, the job engine), so it must return at once and never
	 * block.
	 * @param listener the listener
	 * @return a handle that unregisters it
	 */
	public AutoCloseable listen(Consumer<JobStatusChange> listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	/**
	 * The number of the newest change; 0 if there was none. A change with this number may
	 * still be on its way into the collection.
	 * @return the number
	 */
	public long latest() {
		Document counter = this.mongo.findById("seq", Document.class, COUNTER);
		return (counter != null) ? ((Number) counter.get("value")).longValue() : 0;
	}

	/**
	 * The stored changes numbered {@code from} to {@code to} (both included), by number;
	 * numbers with no stored change (pruned, or not written yet) are absent.
	 * @param from the first number
	 * @param to the last number
	 * @return the changes by number
	 */
	public Map<Long, JobStatusChange> read(long from, long to) {
		Map<Long, JobStatusChange> changes = new TreeMap<>();
		for (long start = Math.max(1, from); start <= to; start += CHUNK) {
			List<Long> ids = LongStream.rangeClosed(start, Math.min(to, start + CHUNK - 1)).boxed().toList();
			this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
				.forEach((document) -> {
					JobStatusChange change = JobStatusChange.fromDocument(document);
					changes.put(change.seq(), change);
				});
		}
		return changes;
	}

	/**
	 * Numbers and stores changes, then tells this process's listeners.
	 * @param changes the changes, not yet numbered
	 */
	void append(List<JobStatusChange> changes) {
		if (changes.isEmpty()) {
			return;
		}
		Document counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is("seq")),
				new Update().inc("value", (long) changes.size()),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTER);
		long last = ((Number) counter.get("value")).longValue();
		long number = last - changes.size();
		List<JobStatusChange> numbered = new ArrayList<>(changes.size());
		for (JobStatusChange change : changes) {
			numbered.add(change.numbered(++number));
		}
		this.mongo.insert(numbered.stream().map(JobStatusChange::toDocument).toList(), COLLECTION);
		for (JobStatusChange change : numbered) {
			if (change.seq() % PRUNE_EVERY == 0) {
				prune(change.seq() - RETAINED);
			}
			for (Consumer<JobStatusChange> listener : this.listeners) {
				notify(listener, change);
			}
		}
	}

	/** Removes the block of changes that ends before {@code end}, by number. */
	private void prune(long end) {
		for (long start = Math.max(1, end - PRUNE_EVERY); start < end; start += CHUNK) {
			List<Long> ids = LongStream.range(start, Math.min(end, start + CHUNK)).boxed().toList();
			this.mongo.remove(Query.query(Criteria.where("_id").in(ids)), COLLECTION);
		}
	}

	private static void notify(Consumer<JobStatusChange> listener, JobStatusChange change) {
		try {
			listener.accept(change);
		}
		catch (RuntimeException ex) {
			// a listener's failure must not fail the state change that was already
			// written
			log.warn("Job change listener failed: {}", ex.toString());
		}
	}

}
