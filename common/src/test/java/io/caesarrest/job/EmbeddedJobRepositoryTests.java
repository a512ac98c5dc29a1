package io.caesarrest.job;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.caesarrest.store.EmbeddedStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The job store contract on the embedded store, through the real MongoDB driver.
 */
class EmbeddedJobRepositoryTests extends JobRepositoryContractTests {

	@TempDir
	static Path home;

	static EmbeddedStore store;

	static MongoClient client;

	@BeforeAll
	static void start() {
		store = EmbeddedStore.start(home.resolve("store.mv"), 0, "caesardb");
		client = MongoClients.create(store.connectionString());
	}

	@AfterAll
	static void stop() {
		client.close();
		store.close();
	}

	@Override
	protected MongoTemplate mongo() {
		return new MongoTemplate(client, "caesardb");
	}

}
