package io.caesarrest.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import io.caesarrest.storage.StorageLayout;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-compatible server in this process, listening on loopback, with its data
 * in one file under the home dir.
 */
public final class EmbeddedStore implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

	private final MongoServer server;

	private final DurableH2Backend backend;

	private final InetSocketAddress address;

	private final String database;

	private EmbeddedStore(DurableH2Backend backend, MongoServer server, InetSocketAddress address, String database) {
		this.backend = backend;
		this.server = server;
		this.address = address;
		this.database = database;
	}

	/**
	 * Opens the store file and starts listening.
	 * @param file the store file, created if absent
	 * @param port loopback port, 0 for any free one
	 * @param database database name used in the connection string
	 * @return the running store
	 */
	public static EmbeddedStore start(Path file, int port, String database) {
		return start(file, "127.0.0.1", port, database);
	}

	/**
	 * Opens the store file and starts listening on the given address.
	 * @param file the store file, created if absent
	 * @param host the address to listen on ({@code 0.0.0.0} for all, in a container of
	 * its own)
	 * @param port the port, 0 for any free one
	 * @param database database name used in the connection string
	 * @return the running store
	 */
	public static EmbeddedStore start(Path file, String host, int port, String database) {
		StorageLayout.createDirectories(file.toAbsolutePath().getParent());
		// committed by the backend after each change, in the handling thread
		MVStore mvStore = new MVStore.Builder().fileName(file.toString()).compress().autoCommitDisabled().open();
		DurableH2Backend backend = new DurableH2Backend(mvStore);
		MongoServer server = new MongoServer(backend);
		try {
			server.bind(host, port);
		}
		catch (RuntimeException ex) {
			backend.close();
			throw ex;
		}
		EmbeddedStore store = new EmbeddedStore(backend, server, server.getLocalAddress(), database);
		log.info("Embedded store on {} with data in {}", store.connectionString(), file);
		return store;
	}

	public String connectionString() {
		return "mongodb://127.0.0.1:" + this.address.getPort() + "/" + this.database;
	}

	public int port() {
		return this.address.getPort();
	}

	@Override
	public void close() {
		this.server.shutdownNow();
		this.backend.close();
	}

}
