package io.caesarrest.job;

import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The jobs the REST API read recently, by id, so that a client polling a job's status
 * (the commonest request) costs no store round trip. Every write this process makes to a
 * job forgets it first-hand, so the cache is exact for changes made here (all of them in
 * the all-in-one service); a change made by another process (a separate job monitor,
 * another replica) shows after at most {@code maxAge}. A read that raced with a write of
 * the same job is never cached: each write bumps a stamp of the job's stripe, and a read
 * is kept only if the stamp it saw before going to the store is still current.
 */
final class RecentJobs {

	private static final int STRIPES = 1024;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final AtomicLongArray stamps = new AtomicLongArray(STRIPES);

	private final long maxAgeNanos;

	private final int capacity;

	private final LongSupplier nanoTime;

	/**
	 * Creates a cache.
	 * @param maxAge the longest time a job is served without being read again; zero turns
	 * the cache off
	 * @param capacity the most jobs kept
	 * @param nanoTime the clock
	 */
	RecentJobs(Duration maxAge, int capacity, LongSupplier nanoTime) {
		this.maxAgeNanos = maxAge.toNanos();
		this.capacity = capacity;
		this.nanoTime = nanoTime;
	}

	/**
	 * The job, from the cache if it was read within the maximum age, else from
	 * {@code loader}.
	 * @param id the job id
	 * @param loader reads the job from the store (null if there is none)
	 * @return the job, or null
	 */
	@Nullable Job get(String id, Supplier<@Nullable Job> loader) {
		if (this.maxAgeNanos <= 0) {
			return loader.get();
		}
		long now = this.nanoTime.getAsLong();
		Entry entry = this.entries.get(id);
		if (entry != null && now - entry.loaded() < this.maxAgeNanos) {
			return entry.job();
		}
		int stripe = stripe(id);
		long stamp = this.stamps.get(stripe);
		Job job = loader.get();
		if (job == null) {
			return null;
		}
		if (this.entries.size() >= this.capacity) {
			trim(now);
		}
		// atomic with forget's removal: either this sees the newer stamp and keeps
		// nothing,
		// or forget removes what this put
		this.entries.compute(id, (key, old) -> (this.stamps.get(stripe) == stamp) ? new Entry(job, now) : null);
		return job;
	}

	/**
	 * Forgets a job this process has just written.
	 * @param id the job id
	 */
	void forget(String id) {
		this.stamps.incrementAndGet(stripe(id));
		this.entries.remove(id);
	}

	void forget(Collection<String> ids) {
		ids.forEach(this::forget);
	}

	int size() {
		return this.entries.size();
	}

	/** Drops the expired entries, and everything if that is not enough. */
	private void trim(long now) {
		for (Iterator<Entry> it = this.entries.values().iterator(); it.hasNext();) {
			if (now - it.next().loaded() >= this.maxAgeNanos) {
				it.remove();
			}
		}
		if (this.entries.size() >= this.capacity) {
			this.entries.clear();
		}
	}

	private static int stripe(String id) {
		return (id.hashCode() & 0x7fffffff) % STRIPES;
	}

	private record Entry(Job job, long loaded) {

	}

}
