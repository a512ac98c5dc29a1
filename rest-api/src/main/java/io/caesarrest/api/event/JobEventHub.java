package io.caesarrest.api.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.caesarrest.job.Job;
import io.caesarrest.job.JobChangeFeed;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobStatusChange;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Feeds the open event streams from the job change feed, all on one thread of its own so
 * that a slow client never holds up the process that changed a job. Changes written in
 * this process arrive at once; when another process may write them too (split mode,
 * replicas), the feed in the store is read by number every poll interval, one point
 * lookup when nothing changed. With no stream open, nothing is read and nothing runs.
 */
public class JobEventHub implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobEventHub.class);

	/** How long a missing number may be waited for before it is taken as a gap. */
	private static final long GAP_MILLIS = 2_000;

	private final JobRepository jobs;

	private final JobChangeFeed feed;

	private final EventProperties properties;

	private final boolean pollStore;

	private final Clock clock = Clock.systemUTC();

	private final List<JobEventStream> streams = new ArrayList<>();

	/** Those waiting for the next change of a job, by job id. */
	private final Map<String, List<CompletableFuture<JobStatusChange>>> waiters = new HashMap<>();

	private @Nullable ScheduledExecutorService executor;

	private @Nullable AutoCloseable listening;

	private @Nullable ScheduledFuture<?> heartbeats;

	private @Nullable ScheduledFuture<?> polls;

	/** Newest change number read from the store. */
	private long polled;

	private long gapSince;

	JobEventHub(JobRepository jobs, EventProperties properties, boolean pollStore) {
		this.jobs = jobs;
		this.feed = jobs.changes();
		this.properties = properties;
		this.pollStore = pollStore;
	}

	/**
	 * Opens a stream of a caller's changes.
	 * @param owner the caller
	 * @param job the one job to follow (its current status is sent first), or null for
	 * all the caller's jobs
	 * @param lastEventId the last change number the client saw, to resume after, or null
	 * @param emitter the response
	 */
	void open(String owner, @Nullable Job job, @Nullable Long lastEventId, SseEmitter emitter) {
		JobEventStream stream = new JobEventStream(owner, (job != null) ? job.id() : null, emitter);
		Runnable drop = () -> run(() -> {
			stream.markClosed();
			prune();
		});
		emitter.onCompletion(drop);
		emitter.onTimeout(drop);
		emitter.onError((ex) -> drop.run());
		run(() -> start(stream, lastEventId));
	}

	/**
	 * Waits for the next change of a job, e.g. for a blocking UWS request. The wait is
	 * registered when this returns, so a change after the call is never missed.
	 * @param jobId the job id
	 * @param timeout the longest wait
	 * @return completed with the change, or exceptionally after the timeout
	 */
	public CompletableFuture<JobStatusChange> nextChange(String jobId, Duration timeout) {
		CompletableFuture<JobStatusChange> change = new CompletableFuture<>();
		CompletableFuture<Void> registered = new CompletableFuture<>();
		run(() -> {
			boolean first = isIdle();
			this.waiters.computeIfAbsent(jobId, (id) -> new ArrayList<>()).add(change);
			if (first) {
				startFollowing();
			}
			registered.complete(null);
		});
		registered.orTimeout(10, TimeUnit.SECONDS).join();
		change.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((result, ex) -> run(() -> {
			List<CompletableFuture<JobStatusChange>> list = this.waiters.get(jobId);
			if (list != null && list.remove(change) && list.isEmpty()) {
				this.waiters.remove(jobId);
			}
			prune();
		}));
		return change;
	}

	private boolean isIdle() {
		return this.streams.isEmpty() && this.waiters.isEmpty();
	}

	private void start(JobEventStream stream, @Nullable Long lastEventId) {
		boolean first = isIdle();
		this.streams.add(stream);
		if (first) {
			startFollowing();
		}
		stream.hello(1000);
		long newest = this.feed.latest();
		Instant now = this.clock.instant();
		if (lastEventId != null && lastEventId < newest) {
			long from = Math.max(lastEventId + 1, newest - JobChangeFeed.RETAINED + 1);
			this.feed.read(from, newest).values().forEach((change) -> stream.offer(change, now));
		}
		if (stream.jobId() != null && !stream.isClosed()) {
			this.jobs.findById(stream.jobId())
				.ifPresentOrElse((job) -> stream.sendCurrent(JobStatusChange.of(job).numbered(newest), now),
						stream::close);
		}
		prune();
	}

	private void startFollowing() {
		if (this.pollStore) {
			this.polled = this.feed.latest();
			this.gapSince = 0;
			this.polls = this.executor.scheduleWithFixedDelay(() -> guarded(this::poll),
					this.properties.pollInterval().toMillis(), this.properties.pollInterval().toMillis(),
					TimeUnit.MILLISECONDS);
		}
		long heartbeat = this.properties.heartbeat().toMillis();
		this.heartbeats = this.executor.scheduleWithFixedDelay(() -> guarded(this::heartbeat), heartbeat, heartbeat,
				TimeUnit.MILLISECONDS);
	}

	private void stopFollowing() {
		if (this.polls != null) {
			this.polls.cancel(false);
			this.polls = null;
		}
		if (this.heartbeats != null) {
			this.heartbeats.cancel(false);
			this.heartbeats = null;
		}
	}

	/** Reads the changes the store got since the last read, in number order. */
	private void poll() {
		long newest = this.feed.latest();
		if (newest <= this.polled) {
			return;
		}
		Map<Long, JobStatusChange> changes = this.feed.read(this.polled + 1, newest);
		long now = this.clock.millis();
		for (long seq = this.polled + 1; seq <= newest; seq++) {
			JobStatusChange change = changes.get(seq);
			if (change == null) {
				// numbered but not stored yet, or never (its writer died): wait a little
				if (this.gapSince == 0) {
					this.gapSince = now;
				}
				if (now - this.gapSince < GAP_MILLIS) {
					return;
				}
			}
			else {
				dispatch(change);
			}
			this.polled = seq;
			this.gapSince = 0;
		}
	}

	private void heartbeat() {
		this.streams.forEach(JobEventStream::heartbeat);
		prune();
	}

	private void dispatch(JobStatusChange change) {
		Instant now = this.clock.instant();
		for (JobEventStream stream : this.streams) {
			stream.offer(change, now);
		}
		List<CompletableFuture<JobStatusChange>> waiting = this.waiters.remove(change.jobId());
		if (waiting != null) {
			waiting.forEach((waiter) -> waiter.complete(change));
		}
		prune();
	}

	private void prune() {
		this.streams.removeIf(JobEventStream::isClosed);
		if (isIdle()) {
			stopFollowing();
		}
	}

	int openStreams() {
		return this.streams.size();
	}

	private void run(Runnable task) {
		ScheduledExecutorService current = this.executor;
		if (current != null && !current.isShutdown()) {
			current.execute(() -> guarded(task));
		}
	}

	private static void guarded(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			// a store hiccup must not end the thread every stream depends on
			log.warn("Job event streams: {}", ex.toString());
		}
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(r, "job-events");
			thread.setDaemon(true);
			return thread;
		});
		if (!this.pollStore) {
			this.listening = this.feed.listen((change) -> run(() -> dispatch(change)));
		}
	}

	@Override
	public synchronized void stop() {
		if (this.listening != null) {
			try {
				this.listening.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		if (this.executor != null) {
			ScheduledExecutorService current = this.executor;
			current.execute(() -> this.streams.forEach(JobEventStream::close));
			current.shutdown();
			try {
				current.awaitTermination(5, TimeUnit.SECONDS);
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

}
