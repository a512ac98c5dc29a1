package io.caesarrest.job;

import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.caesarrest.store.EmbeddedStoreExtension;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class StoreWarmUpTests {

	@RegisterExtension
	static final EmbeddedStoreExtension store = new EmbeddedStoreExtension();

	@Test
	void playsJobLivesOnAScratchCollectionAndLeavesTheStoreAsItWas() {
		MongoTemplate mongo = store.mongo();
		mongo.insert(new Document("_id", "a-real-job").append("state", "RUNNING"), "jobs");
		// what a warm-up killed in its first round left
		mongo.insert(new Document("_id", "warm-up-0"), StoreWarmUp.COLLECTION);

		int played = new StoreWarmUp(mongo, 20).run();

		assertThat(played).isEqualTo(20);
		assertThat(mongo.getCollectionNames()).doesNotContain(StoreWarmUp.COLLECTION);
		assertThat(mongo.findAll(Document.class, "jobs")).singleElement()
			.satisfies((job) -> assertThat(job).containsEntry("_id", "a-real-job").containsEntry("state", "RUNNING"));
	}

	@Test
	void aJobWarmUpLeavesItOut() throws InterruptedException {
		StoreWarmUp warmUp = new StoreWarmUp(store.mongo(), 1_000);
		warmUp.skip();
		warmUp.start();

		assertThat(warmUp.awaitEnd(Duration.ZERO)).isTrue();
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch((t) -> t.getName().equals("store-warm-up"));
		assertThat(store.mongo().getCollectionNames()).doesNotContain(StoreWarmUp.COLLECTION);
	}

	@Test
	void aSubmittedJobEndsIt() {
		StoreWarmUp warmUp = new StoreWarmUp(store.mongo(), 1_000);
		warmUp.stop();

		assertThat(warmUp.run()).isZero();
		assertThat(store.mongo().getCollectionNames()).doesNotContain(StoreWarmUp.COLLECTION);
	}

}
