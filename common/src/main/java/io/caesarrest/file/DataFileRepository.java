package io.caesarrest.file;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.caesarrest.storage.OwnerSequences;
import io.caesarrest.storage.OwnerSequences.OwnerPage;
import io.caesarrest.storage.UsageMarks;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Uploaded file records in MongoDB, always looked up together with their owner.
 */
public class DataFileRepository {

	private static final String COLLECTION = "files";

	private final MongoOperations mongo;

	private final OwnerSequences owners;

	private final UsageMarks usage;

	public DataFileRepository(MongoOperations mongo) {
		this.mongo = mongo;
		this.owners = new OwnerSequences(mongo, COLLECTION);
		this.usage = new UsageMarks(mongo);
	}

	public void createIndexes() {
		this.mongo.indexOps(DataFile.class)
			.createIndex(new Index().on("owner", Sort.Direction.ASC).on("upload_date", Sort.Direction.ASC));
		this.owners.createIndex("upload_date");
	}

	/**
	 * Stores a new file record, numbered in its owner's list.
	 * @param file the record
	 * @return the stored record
	 */
	public DataFile insert(DataFile file) {
		Document document = new Document();
		this.mongo.getConverter().write(file, document);
		document.put(OwnerSequences.FIELD, this.owners.nextKey(file.owner()));
		this.mongo.insert(document, COLLECTION);
		this.usage.mark(List.of(file.owner()));
		return file;
	}

	/**
	 * The file if it exists and belongs to {@code owner}; another owner's file is absent.
	 */
	public Optional<DataFile> findOwned(String id, String owner) {
		return Optional.ofNullable(this.mongo.findById(id, DataFile.class)).filter((f) -> f.owner().equals(owner));
	}

	/**
	 * An owner's files, newest first, a page at a time.
	 * @param owner the owner
	 * @param before a cursor from an earlier page, or null for the newest
	 * @param limit the most files to return
	 * @param filter which files to return
	 * @return the page
	 */
	public OwnerPage<DataFile> findByOwner(String owner, @Nullable Long before, int limit, Predicate<DataFile> filter) {
		return this.owners.newestFirst(owner, before, limit, DataFile.class, filter);
	}

	/**
	 * The summed size of an owner's files, read through the owner's list (the cost grows
	 * with the owner's files, not with the store).
	 * @param owner the owner
	 * @return bytes, 0 if the owner has no file
	 */
	public long storedBytes(String owner) {
		long bytes = 0;
		Long before = null;
		do {
			OwnerPage<DataFile> page = findByOwner(owner, before, 1000, (file) -> true);
			bytes += page.items().stream().mapToLong(DataFile::size).sum();
			before = page.next();
		}
		while (before != null);
		return bytes;
	}

	public boolean delete(String id) {
		DataFile file = this.mongo.findById(id, DataFile.class);
		boolean deleted = this.mongo.remove(Query.query(Criteria.where("_id").is(id)), DataFile.class)
			.getDeletedCount() > 0;
		if (deleted && file != null) {
			this.usage.mark(List.of(file.owner()));
		}
		return deleted;
	}

}
