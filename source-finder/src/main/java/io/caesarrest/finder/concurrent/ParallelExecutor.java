package io.caesarrest.finder.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs indexed tasks on a fixed number of threads, each worker taking the next index
 * until all are done.
 */
public final class ParallelExecutor implements AutoCloseable {

	private final int threads;

	private final ExecutorService executor;

	/**
	 * Creates an executor.
	 * @param threads the number of worker threads (at least 1)
	 */
	public ParallelExecutor(int threads) {
		this.threads = Math.max(1, threads);
		AtomicInteger counter = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(this.threads, (runnable) -> {
			Thread thread = new Thread(runnable, "sfinder-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Runs {@code task} for every index in {@code [0, count)} and waits for completion.
	 * @param count the number of indices
	 * @param task the task, called once per index from any worker thread
	 */
	public void forEach(int count, IntConsumer task) {
		AtomicInteger next = new AtomicInteger();
		List<Future<?>> futures = new ArrayList<>();
		for (int worker = 0; worker < Math.min(this.threads, count); worker++) {
			futures.add(this.executor.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					task.accept(i);
				}
			}));
		}
		for (Future<?> future : futures) {
			await(future);
		}
	}

	private void await(Future<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Returns the number of worker threads.
	 * @return the thread count
	 */
	public int threads() {
		return this.threads;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
