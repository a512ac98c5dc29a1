package io.caesarrest.scheduler.kubernetes;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.caesarrest.scheduler.SchedulerException;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One informer on the service's Jobs in its namespace: a cache that polls read from, the
 * last state of the Jobs deleted since, and a signal on every event.
 */
final class JobWatch implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(JobWatch.class);

	private static final Duration WATCH_GAP = Duration.ofSeconds(2);

	private final KubernetesClient client;

	private final String namespace;

	private final Duration syncTimeout;

	private final Map<String, Deleted> deleted = new ConcurrentHashMap<>();

	private volatile @Nullable CompletableFuture<Void> started;

	private volatile Runnable listener = () -> {
	};

	private volatile @Nullable SharedIndexInformer<Job> informer;

	private volatile @Nullable Throwable lastError;

	JobWatch(KubernetesClient client, String namespace, Duration syncTimeout) {
		this.client = client;
		this.namespace = namespace;
		this.syncTimeout = syncTimeout;
	}

	void onChange(Runnable listener) {
		this.listener = listener;
	}

	/**
	 * The cached Job of a name.
	 * @param name the Job's name
	 * @return the Job, or null when the cluster has none
	 * @throws SchedulerException if the watch is not up to date (API server unreachable)
	 */
	@Nullable Job get(String name) {
		return current().getStore().getByKey(this.namespace + "/" + name);
	}

	/** The last state of a Job deleted while watched, or null. */
	@Nullable Job deleted(String name) {
		Deleted last = this.deleted.get(name);
		return (last != null) ? last.job() : null;
	}

	/** Forgets the Jobs deleted before a time, whose ends have long been reported. */
	void forgetDeletedBefore(Instant limit) {
		this.deleted.values().removeIf((last) -> last.at().isBefore(limit));
	}

	void forget(String name) {
		this.deleted.remove(name);
	}

	private SharedIndexInformer<Job> current() {
		SharedIndexInformer<Job> current = start();
		CompletableFuture<Void> first = this.started;
		if (!current.hasSynced() && first != null) {
			try {
				first.get(this.syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SchedulerException("Interrupted while listing the Kubernetes Jobs", ex);
			}
			catch (Exception ex) {
				throw unreachable(ex);
			}
		}
		// the watch is re-established after each list: a short gap is not an outage
		long until = System.nanoTime() + WATCH_GAP.toNanos();
		while (!current.isWatching() && System.nanoTime() < until) {
			pause();
		}
		if (!current.hasSynced() || !current.isWatching()) {
			throw unreachable(null);
		}
		return current;
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchedulerException("Interrupted while waiting for the watch of the Kubernetes Jobs", ex);
		}
	}

	private SchedulerException unreachable(@Nullable Throwable ex) {
		Throwable cause = (ex != null) ? ex : this.lastError;
		return new SchedulerException(
				"Kubernetes API server " + this.client.getMasterUrl() + " is not watched (namespace " + this.namespace
						+ ")" + ((cause != null) ? ": " + cause.getMessage() : ""),
				cause);
	}

	/** Starts the informer, once; it then relists and rewatches after every failure. */
	synchronized SharedIndexInformer<Job> start() {
		SharedIndexInformer<Job> current = this.informer;
		if (current == null) {
			current = this.client.batch()
				.v1()
				.jobs()
				.inNamespace(this.namespace)
				.withLabel(KubernetesJobSpecs.MANAGED_BY, KubernetesJobSpecs.MANAGER)
				.runnableInformer(0);
			current.addEventHandler(new Handler());
			current.exceptionHandler((started, error) -> {
				this.lastError = error;
				log.warn("Watch of the Kubernetes Jobs failed, retrying: {}", error.getMessage());
				return true;
			});
			this.started = current.start().toCompletableFuture();
			this.informer = current;
		}
		return current;
	}

	@Override
	public synchronized void close() {
		if (this.informer != null) {
			this.informer.close();
		}
	}

	private record Deleted(Job job, Instant at) {

	}

	private final class Handler implements ResourceEventHandler<Job> {

		@Override
		public void onAdd(Job job) {
			JobWatch.this.deleted.remove(job.getMetadata().getName());
			JobWatch.this.listener.run();
		}

		@Override
		public void onUpdate(Job before, Job job) {
			JobWatch.this.listener.run();
		}

		@Override
		public void onDelete(Job job, boolean deletedFinalStateUnknown) {
			JobWatch.this.deleted.put(job.getMetadata().getName(), new Deleted(job, Instant.now()));
			JobWatch.this.listener.run();
		}

	}

}
