package io.caesarrest.job;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The job store contract on a real MongoDB server; skipped where Docker is not available.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoJobRepositoryIntegrationTests extends JobRepositoryContractTests {

	@Container
	static MongoDBContainer mongo = new MongoDBContainer("mongo:7");

	static MongoClient client;

	@BeforeAll
	static void connect() {
		client = MongoClients.create(mongo.getConnectionString());
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Override
	protected MongoTemplate mongo() {
		return new MongoTemplate(client, "caesardb");
	}

}
