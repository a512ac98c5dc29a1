package io.caesarrest.accounting;

import java.nio.file.Path;
import java.time.Duration;

import io.caesarrest.storage.StorageLayout;
import io.caesarrest.store.EmbeddedStoreExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The accounter's auto-configuration: readers always, the periodic pass unless disabled.
 */
class AccounterAutoConfigurationTests {

	@TempDir
	static Path home;

	@RegisterExtension
	static final EmbeddedStoreExtension store = new EmbeddedStoreExtension();

	private ApplicationContextRunner runner() {
		MongoTemplate mongo = store.mongo();
		if (mongo.collectionExists(AppStats.class)) {
			mongo.dropCollection(AppStats.class);
		}
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AccounterAutoConfiguration.class))
			.withBean(MongoOperations.class, () -> mongo)
			.withBean(StorageLayout.class, () -> new StorageLayout(home, home.resolve("data"), home.resolve("jobs")));
	}

	@Test
	void runsPassesPeriodicallyByDefault() {
		runner().withPropertyValues("caesar.accounter.period=100ms", "caesar.accounter.initial-delay=0s")
			.run((context) -> {
				assertThat(context).hasSingleBean(AccounterLoop.class);
				AccountingRepository repository = context.getBean(AccountingRepository.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> repository.findAppStats().isPresent());
			});
	}

	@Test
	void keepsTheFiguresReadableWhenDisabled() {
		runner().withPropertyValues("caesar.accounter.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(AccounterLoop.class);
			assertThat(context).hasSingleBean(AccountingRepository.class);
			assertThat(context).hasSingleBean(Accounter.class);
		});
	}

	@Test
	void rejectsANonPositivePeriod() {
		runner().withPropertyValues("caesar.accounter.period=0s").run((context) -> assertThat(context).hasFailed());
	}

}
