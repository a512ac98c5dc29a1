package io.caesarrest.file;

import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Uploaded file records in MongoDB, always looked up together with their owner.
 */
public class DataFileRepository {

	private final MongoOperations mongo;

	public DataFileRepository(MongoOperations mongo) {
		this.mongo = mongo;
	}

	public void createIndexes() {
		this.mongo.indexOps(DataFile.class)
			.createIndex(new Index().on("owner", Sort.Direction.ASC).on("upload_date", Sort.Direction.ASC));
	}

	public DataFile insert(DataFile file) {
		return this.mongo.insert(file);
	}

	/**
	 * The file if it exists and belongs to {@code owner}; another owner's file is absent.
	 */
	public Optional<DataFile> findOwned(String id, String owner) {
		return Optional.ofNullable(this.mongo.findById(id, DataFile.class)).filter((f) -> f.owner().equals(owner));
	}

	public List<DataFile> findByOwner(String owner) {
		return this.mongo.find(Query.query(Criteria.where("owner").is(owner)).with(Sort.by("upload_date")),
				DataFile.class);
	}

	/**
	 * The summed size of an owner's files.
	 * @param owner the owner
	 * @return bytes, 0 if the owner has no file
	 */
	public long storedBytes(String owner) {
		Aggregation sum = Aggregation.newAggregation(Aggregation.match(Criteria.where("owner").is(owner)),
				Aggregation.group("owner").sum("size").as("bytes"));
		Document result = this.mongo.aggregate(sum, DataFile.class, Document.class).getUniqueMappedResult();
		return (result != null && result.get("bytes") instanceof Number bytes) ? bytes.longValue() : 0;
	}

	public boolean delete(String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id)), DataFile.class).getDeletedCount() > 0;
	}

}
