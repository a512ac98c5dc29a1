package io.caesarrest.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Numbers each owner's documents of one collection in the order they were added, in a
 * unique field ({@code owner_seq}), so that an owner's newest documents are found by
 * point lookups on that key instead of a scan of the collection. The embedded store uses
 * an index only for equality (or {@code $in}) on a unique single field, and MongoDB
 * serves the same lookups from the same index, so a user's list costs the same with 10 or
 * 100 000 documents in the collection.
 */
public class OwnerSequences {

	/** The field that holds an owner's sequence key. */
	public static final String FIELD = "owner_seq";

	private static final String COUNTERS = "owner_counters";

	private static final int MAX_BATCH = 500;

	private final MongoOperations mongo;

	private final String collection;

	/**
	 * Creates the sequences of a collection.
	 * @param mongo the store
	 * @param collection the collection whose documents are numbered
	 */
	public OwnerSequences(MongoOperations mongo, String collection) {
		this.mongo = mongo;
		this.collection = collection;
	}

	/**
	 * The key of an owner's document number {@code seq}.
	 * @param owner the owner
	 * @param seq the number
	 * @return the value of {@value #FIELD}
	 */
	public static String key(String owner, long seq) {
		return owner + "#" + String.format("%012d", seq);
	}

	/**
	 * Creates the unique index and numbers documents stored before it existed, oldest
	 * first by {@code orderField}; idempotent.
	 * @param orderField the field that orders an owner's documents (e.g. the submit date)
	 */
	public void createIndex(String orderField) {
		this.mongo.indexOps(this.collection).createIndex(new Index().on(FIELD, Sort.Direction.ASC).unique().sparse());
		Query unnumbered = Query.query(Criteria.where(FIELD).exists(false)).with(Sort.by(orderField, "_id"));
		unnumbered.fields().include("_id").include("owner");
		for (Document document : this.mongo.find(unnumbered, Document.class, this.collection)) {
			String owner = document.getString("owner");
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
					new Update().set(FIELD, key(owner, next(owner))), this.collection);
		}
	}

	/**
	 * Takes the next number of an owner.
	 * @param owner the owner
	 * @return the key to store in the owner's new document
	 */
	public String nextKey(String owner) {
		return key(owner, next(owner));
	}

	private long next(String owner) {
		return reserve(owner, 1);
	}

	/**
	 * Takes a block of an owner's numbers at once (bulk loads).
	 * @param owner the owner
	 * @param count how many numbers
	 * @return the first number of the block
	 */
	public long reserve(String owner, int count) {
		Document counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(counterId(owner))),
				new Update().inc("n", (long) count), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, COUNTERS);
		return ((Number) counter.get("n")).longValue() - count + 1;
	}

	private long last(String owner) {
		Document counter = this.mongo.findById(counterId(owner), Document.class, COUNTERS);
		return (counter != null) ? ((Number) counter.get("n")).longValue() : 0;
	}

	private String counterId(String owner) {
		return this.collection + "/" + owner;
	}

	/**
	 * An owner's documents, newest first, that pass a filter: point lookups in batches
	 * from the newest number down, so the cost grows with what is read, not with the
	 * collection.
	 * @param <T> the mapped type
	 * @param owner the owner
	 * @param before read only documents numbered below this (a cursor from an earlier
	 * page), or null from the newest
	 * @param limit the most documents to return
	 * @param type the mapped type
	 * @param filter which documents to return
	 * @return the page
	 */
	public <T> OwnerPage<T> newestFirst(String owner, @Nullable Long before, int limit, Class<T> type,
			Predicate<T> filter) {
		long last = last(owner);
		long seq = (before != null) ? Math.min(before - 1, last) : last;
		List<T> items = new ArrayList<>();
		int batch = Math.min(MAX_BATCH, Math.max(32, limit + 1));
		while (seq >= 1 && items.size() < limit) {
			long low = Math.max(1, seq - batch + 1);
			for (Numbered<T> found : lookUp(owner, low, seq, type)) {
				if (items.size() == limit) {
					return new OwnerPage<>(items, found.seq() + 1);
				}
				if (filter.test(found.item())) {
					items.add(found.item());
				}
				seq = found.seq() - 1;
			}
			seq = Math.min(seq, low - 1);
		}
		return new OwnerPage<>(items, (seq >= 1 && items.size() == limit) ? seq + 1 : null);
	}

	private <T> List<Numbered<T>> lookUp(String owner, long low, long high, Class<T> type) {
		List<String> keys = new ArrayList<>();
		Map<String, Long> seqs = new HashMap<>();
		for (long s = high; s >= low; s--) {
			keys.add(key(owner, s));
			seqs.put(key(owner, s), s);
		}
		List<Numbered<T>> found = new ArrayList<>();
		for (Document document : this.mongo.find(Query.query(Criteria.where(FIELD).in(keys)), Document.class,
				this.collection)) {
			Long seq = seqs.get(document.getString(FIELD));
			if (seq != null && owner.equals(document.getString("owner"))) {
				found.add(new Numbered<>(seq, this.mongo.getConverter().read(type, document)));
			}
		}
		found.sort(Comparator.comparingLong(Numbered<T>::seq).reversed());
		return found;
	}

	private record Numbered<T>(long seq, T item) {

	}

	/**
	 * Passes every item of a paged listing to an action, newest first, reading one page
	 * at a time.
	 * @param <T> the mapped type
	 * @param pages reads the page before a cursor (null for the newest)
	 * @param action receives each item
	 */
	public static <T> void forEachItem(Function<@Nullable Long, OwnerPage<T>> pages, Consumer<T> action) {
		Long before = null;
		do {
			OwnerPage<T> page = pages.apply(before);
			page.items().forEach(action);
			before = page.next();
		}
		while (before != null);
	}

	/**
	 * One page of an owner's documents.
	 *
	 * @param <T> the mapped type
	 * @param items the documents, newest first
	 * @param next the cursor of the next (older) page, or null when this is the last
	 */
	public record OwnerPage<T>(List<T> items, @Nullable Long next) {

	}

}
