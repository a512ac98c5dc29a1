package io.caesarrest.job;

import io.caesarrest.store.EmbeddedStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The job store contract on the embedded store, through the real MongoDB driver.
 */
class EmbeddedJobRepositoryTests extends JobRepositoryContractTests {

	@RegisterExtension
	static final EmbeddedStoreExtension store = new EmbeddedStoreExtension();

	@Override
	protected MongoTemplate mongo() {
		return store.mongo();
	}

}
