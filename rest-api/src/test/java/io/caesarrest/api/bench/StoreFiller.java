package io.caesarrest.api.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobFixtures;
import io.caesarrest.job.JobState;
import io.caesarrest.storage.OwnerSequences;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Fills a running service's store with ended jobs of many users, in bulk, as the service
 * itself would have stored them (numbered in each owner's list, not watched by the engine
 * since they ended): the load of the store-scale benchmark.
 *
 * <p>
 * Usage: {@code StoreFiller <mongodb uri> <jobs> <users>}.
 */
public final class StoreFiller {

	private static final int BATCH = 1000;

	private StoreFiller() {
	}

	public static void main(String[] args) {
		String uri = args[0];
		int jobs = Integer.parseInt(args[1]);
		int users = Integer.parseInt(args[2]);
		long started = System.nanoTime();
		try (MongoClient client = MongoClients.create(uri)) {
			MongoTemplate mongo = new MongoTemplate(client, "caesardb");
			OwnerSequences sequences = new OwnerSequences(mongo, "jobs");
			int perUser = jobs / users;
			Instant t0 = Instant.now().minus(Duration.ofDays(30));
			List<Document> batch = new ArrayList<>(BATCH);
			for (int u = 0; u < users; u++) {
				String owner = String.format(Locale.ROOT, "user%03d@example.org", u);
				long first = sequences.reserve(owner, perUser);
				for (int i = 0; i < perUser; i++) {
					Instant submitted = t0.plusSeconds((long) i * users + u);
					Job job = JobFixtures.job()
						.owner(owner)
						.app((i % 3 == 0) ? "sextractor" : "sfinder")
						.state((i % 10 == 0) ? JobState.FAILURE : JobState.SUCCESS)
						.exitCode((i % 10 == 0) ? 1 : 0)
						.submitted(submitted)
						.started(submitted.plusSeconds(1))
						.ended(submitted.plusSeconds(30))
						.status("Process terminated")
						.build();
					Document document = new Document();
					mongo.getConverter().write(job, document);
					document.put(OwnerSequences.FIELD, OwnerSequences.key(owner, first + i));
					batch.add(document);
					if (batch.size() == BATCH) {
						mongo.getCollection("jobs").insertMany(batch);
						batch.clear();
					}
				}
			}
			if (!batch.isEmpty()) {
				mongo.getCollection("jobs").insertMany(batch);
			}
			System.out.printf(Locale.ROOT, "filled %d jobs of %d users in %.1f s%n", (jobs / users) * users, users,
					(System.nanoTime() - started) / 1e9);
		}
	}

}
