package io.caesarrest.accounting;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the accounter's passes on a thread of its own while the application runs.
 */
class AccounterLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AccounterLoop.class);

	private final Accounter accounter;

	private final AccounterProperties properties;

	private ScheduledExecutorService executor;

	AccounterLoop(Accounter accounter, AccounterProperties properties) {
		this.accounter = accounter;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((r) -> new Thread(r, "accounter"));
		this.executor.scheduleWithFixedDelay(this::runOnce, millis(this.properties.initialDelay()),
				millis(this.properties.period()), TimeUnit.MILLISECONDS);
	}

	private void runOnce() {
		try {
			this.accounter.runOnce();
		}
		catch (RuntimeException ex) {
			// a failed pass (store or disk briefly unavailable) must not end the loop
			log.warn("Accounting pass failed, retrying in {}: {}", this.properties.period(), ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdown();
			try {
				this.executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	private static long millis(Duration duration) {
		return duration.toMillis();
	}

}
