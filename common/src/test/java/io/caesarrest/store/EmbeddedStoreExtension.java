package io.caesarrest.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * An embedded store and a real MongoDB driver client for a test class, from its first
 * test to its last: {@code @RegisterExtension static final EmbeddedStoreExtension store =
 * new EmbeddedStoreExtension();}.
 */
public class EmbeddedStoreExtension implements BeforeAllCallback, AfterAllCallback {

	/** The database the tests use, as the services do. */
	public static final String DATABASE = "caesardb";

	private Path dir;

	private EmbeddedStore store;

	private MongoClient client;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		this.dir = Files.createTempDirectory("embedded-store");
		this.store = EmbeddedStore.start(this.dir.resolve("store.mv"), 0, DATABASE);
		this.client = MongoClients.create(this.store.connectionString());
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		this.client.close();
		this.store.close();
		FileSystemUtils.deleteRecursively(this.dir);
	}

	/** The driver client. */
	public MongoClient client() {
		return this.client;
	}

	/** A template on the tests' database. */
	public MongoTemplate mongo() {
		return new MongoTemplate(this.client, DATABASE);
	}

}
