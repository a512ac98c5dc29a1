package io.caesarrest.job;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.caesarrest.docker.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The job store contract on a real MongoDB server (image {@code MONGO_IMAGE}, default
 * {@code mongo:7}); skipped, saying why, where Docker or that image is not available.
 */
@EnabledIf(value = "io.caesarrest.docker.TestImages#mongoImageAvailable",
		disabledReason = "no Docker daemon, or no MongoDB image (MONGO_IMAGE, default mongo:7) on it")
class MongoJobRepositoryIntegrationTests extends JobRepositoryContractTests {

	private static final String IMAGE = TestImages.MONGO_IMAGE;

	static MongoDBContainer mongo;

	static MongoClient client;

	@BeforeAll
	static void connect() {
		mongo = new MongoDBContainer(IMAGE);
		mongo.start();
		client = MongoClients.create(mongo.getConnectionString());
	}

	@AfterAll
	static void close() {
		if (client != null) {
			client.close();
		}
		if (mongo != null) {
			mongo.stop();
		}
	}

	@Override
	protected MongoTemplate mongo() {
		return new MongoTemplate(client, "caesardb");
	}

}
