package io.caesarrest.store;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store as a server of its own, for deployments without a MongoDB server
 * (the compose file's embedded-store override): it serves the MongoDB wire protocol on
 * {@code CAESAR_STORE_HOST:CAESAR_STORE_PORT} (default {@code 0.0.0.0:27017}) with its
 * data in {@code CAESAR_STORE_FILE} (default {@code $CAESAR_HOME/store/caesar.mv}), and
 * closes the file cleanly on SIGTERM.
 */
public final class EmbeddedStoreServer {

	private EmbeddedStoreServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		// no Spring here to configure logging: the server's own messages only
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
		String home = env("CAESAR_HOME", "caesar-home");
		Path file = Path.of(env("CAESAR_STORE_FILE", Path.of(home, "store", "caesar.mv").toString()));
		String host = env("CAESAR_STORE_HOST", "0.0.0.0");
		int port = Integer.parseInt(env("CAESAR_STORE_PORT", "27017"));
		EmbeddedStore store = EmbeddedStore.start(file, host, port, env("CAESAR_STORE_DATABASE", "caesardb"));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			store.close();
			stopped.countDown();
		}, "embedded-store-shutdown"));
		stopped.await();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value.trim() : fallback;
	}

}
