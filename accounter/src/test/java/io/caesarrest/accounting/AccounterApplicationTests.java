package io.caesarrest.accounting;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobFixtures;
import io.caesarrest.job.JobState;
import io.caesarrest.storage.Ids;
import io.caesarrest.store.EmbeddedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The accounter as a service of its own, pointed at another process's store by URI, as in
 * split mode.
 */
class AccounterApplicationTests {

	@TempDir
	Path home;

	@Test
	void accountsTheJobsOfAStoreGivenByUri() {
		try (EmbeddedStore store = EmbeddedStore.start(this.home.resolve("shared.mv"), 0, "caesardb");
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoTemplate mongo = new MongoTemplate(client, "caesardb");
			mongo.insert(JobFixtures.job().build());
			try (ConfigurableApplicationContext context = AccounterApplication.builder()
				.run("--server.port=0", "--spring.mongodb.uri=" + store.connectionString(),
						"--caesar.home=" + this.home.resolve("home"), "--caesar.accounter.period=100ms",
						"--caesar.accounter.initial-delay=0s")) {
				assertThat(context.getBeanNamesForType(EmbeddedStore.class)).isEmpty();
				AccountingRepository repository = new AccountingRepository(mongo);
				await().atMost(Duration.ofSeconds(20)).until(() -> repository.findUser("alice").isPresent());
				assertThat(repository.findUser("alice").orElseThrow().njobsPending()).isEqualTo(1);
				assertThat(repository.findAppStats()).get().extracting(AppStats::nusers).isEqualTo(1L);
			}
		}
	}

}
