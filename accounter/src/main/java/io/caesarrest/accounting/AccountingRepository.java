package io.caesarrest.accounting;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The accounter's stored figures: one {@link UserAccounting} per user and one
 * {@link AppStats}, readable by any process that shares the store.
 */
public class AccountingRepository {

	private final MongoOperations mongo;

	public AccountingRepository(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/** The user's figures from the last pass, absent before the first one. */
	public Optional<UserAccounting> findUser(String user) {
		return Optional.ofNullable(this.mongo.findById(user, UserAccounting.class));
	}

	/** The service-wide figures from the last pass, absent before the first one. */
	public Optional<AppStats> findAppStats() {
		return Optional.ofNullable(this.mongo.findById(AppStats.ID, AppStats.class));
	}

	/** The users who have a stored document. */
	List<String> users() {
		return this.mongo.findDistinct(new Query(), "_id", UserAccounting.class, String.class);
	}

	void save(UserAccounting accounting) {
		this.mongo.save(accounting);
	}

	void save(AppStats stats) {
		this.mongo.save(stats);
	}

}
