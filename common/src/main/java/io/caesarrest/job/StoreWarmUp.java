package io.caesarrest.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Plays a job's store commands, on job documents in a scratch collection of the embedded
 * store, a number of times when the service starts, so that the code of those commands
 * (the mapping, the MongoDB driver, the wire protocol on both sides, the store's pages
 * and commits) is compiled before the first jobs rather than while they wait on it.
 * Nothing a client sees is written: the scratch collection is dropped at the end.
 */
public final class StoreWarmUp {

	/** The scratch collection, dropped when the warm-up ends. */
	public static final String COLLECTION = "warm_up";

	private static final Logger log = LoggerFactory.getLogger(StoreWarmUp.class);

	private final MongoOperations mongo;

	private final int rounds;

	private volatile boolean stopped;

	private volatile boolean skipped;

	private final CountDownLatch ended = new CountDownLatch(1);

	/**
	 * Creates the warm-up.
	 * @param mongo the store
	 * @param rounds how many job lives to play
	 */
	public StoreWarmUp(MongoOperations mongo, int rounds) {
		this.mongo = mongo;
		this.rounds = rounds;
	}

	/** Starts the warm-up in a daemon thread of its own once the service is ready. */
	@EventListener(ApplicationReadyEvent.class)
	public void start() {
		if (this.rounds <= 0 || this.skipped) {
			this.ended.countDown();
			return;
		}
		Thread thread = new Thread(this::run, "store-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Leaves the warm-up out: another warm-up has run the same store commands through the
	 * job path itself. Called before the service is ready.
	 */
	public void skip() {
		this.skipped = true;
		this.stopped = true;
		this.ended.countDown();
	}

	/** Ends the warm-up after its current round: a job came, and should not compete. */
	@EventListener(JobChangedEvent.class)
	public void stop() {
		this.stopped = true;
	}

	/**
	 * Plays the rounds, then drops the scratch collection.
	 * @return the rounds played
	 */
	public int run() {
		long start = System.nanoTime();
		int played = 0;
		try {
			// what a warm-up that was killed left
			drop();
			for (; played < this.rounds && !this.stopped; played++) {
				playJob(played);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Store warm-up stopped: {}", ex.toString());
		}
		finally {
			try {
				drop();
			}
			catch (RuntimeException ex) {
				log.debug("Cannot drop the store warm-up's collection: {}", ex.toString());
			}
			this.ended.countDown();
		}
		log.info("Store warm-up: {} job lives in {} ms", played, (System.nanoTime() - start) / 1_000_000);
		return played;
	}

	/**
	 * Waits for the warm-up to end (or not to start: no rounds), so that other work at
	 * startup does not compete with it.
	 * @param timeout the longest wait
	 * @return whether it ended
	 * @throws InterruptedException when interrupted while waiting
	 */
	public boolean awaitEnd(Duration timeout) throws InterruptedException {
		return this.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void drop() {
		if (this.mongo.collectionExists(COLLECTION)) {
			this.mongo.dropCollection(COLLECTION);
		}
	}

	private void playJob(int round) {
		String id = "warm-up-" + round;
		Instant now = Instant.now();
		Job job = new Job(id, "warm-up", "app", Map.of("option", 1), "job_options", Map.of("data", id), "/dev/null", "",
				"local", null, List.of("app", "--option=1"), 1, 1, 3600, JobState.PENDING, "Job submitted", -1, now,
				null, null, "/dev/null", null, null, null, Map.of(), null);
		Query byId = Query.query(Criteria.where("_id").is(id));
		this.mongo.insert(job, COLLECTION);
		this.mongo.upsert(Query.query(Criteria.where("_id").is("mark")), Update.update("at", now), COLLECTION);
		this.mongo.findAndModify(Query.query(Criteria.where("_id").is("counter")), new Update().inc("value", 1L),
				FindAndModifyOptions.options().returnNew(true).upsert(true), Document.class, COLLECTION);
		this.mongo.estimatedCount(COLLECTION);
		this.mongo.find(Query.query(Criteria.where("_id").in(id, "other")), Job.class, COLLECTION);
		for (JobState state : List.of(JobState.RUNNING, JobState.SUCCESS)) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("state").ne(state)),
					Update.update("state", state).set("status", "Job " + state.label()).set("start_date", now),
					COLLECTION);
			this.mongo.findOne(byId, Job.class, COLLECTION);
		}
		this.mongo.remove(byId, COLLECTION);
	}

}
