package io.caesarrest.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.caesarrest.storage.Ids;
import io.caesarrest.storage.OwnerSequences;
import io.caesarrest.storage.OwnerSequences.OwnerPage;
import io.caesarrest.storage.UsageMarks;
import io.caesarrest.storage.WarmUpOwner;
import io.caesarrest.webhook.WebhookOutbox;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Jobs in MongoDB. Every state change is a compare-and-set on the expected states, so a
 * late writer can never move a job out of a terminal state.
 */
public class JobRepository {

	/** A field that tells which jobs a batch of transitions changed. */
	private static final String CHANGE_MARK = "change_mark";

	private static final String CAS_INDEX = "compare_and_set";

	private static final int READ_CACHE_CAPACITY = 20_000;

	/** The jobs collection. */
	static final String COLLECTION = "jobs";

	private final MongoOperations mongo;

	private final JobMetrics metrics;

	private final OwnerSequences owners;

	private final WatchedJobs watched;

	private final UsageMarks usage;

	private final JobChangeFeed changes;

	private final WebhookOutbox webhooks;

	private final EndedJobs ended;

	private final RecentJobs recent;

	public JobRepository(MongoOperations mongo, JobMetrics metrics) {
		this(mongo, metrics, Duration.ZERO);
	}

	/**
	 * Creates the repository.
	 * @param mongo the store
	 * @param metrics the job metrics
	 * @param readCacheMaxAge how long a job the REST API read ({@link #findOwned}) may be
	 * served again without a store read, for changes made by other processes (this
	 * process's own writes show at once); zero reads the store every time
	 */
	public JobRepository(MongoOperations mongo, JobMetrics metrics, Duration readCacheMaxAge) {
		this.mongo = mongo;
		this.metrics = metrics;
		this.owners = new OwnerSequences(mongo, COLLECTION);
		this.recent = new RecentJobs(readCacheMaxAge, READ_CACHE_CAPACITY, System::nanoTime);
		this.watched = new WatchedJobs(mongo, this.recent);
		this.usage = new UsageMarks(mongo);
		this.changes = new JobChangeFeed(mongo);
		this.webhooks = new WebhookOutbox(mongo);
		this.ended = new EndedJobs(mongo);
	}

	/** The ended jobs by the hour they ended in, for the retention pass. */
	public EndedJobs ended() {
		return this.ended;
	}

	/** Every state change, numbered, for event streams. */
	public JobChangeFeed changes() {
		return this.changes;
	}

	/** The webhook deliveries still to make. */
	public WebhookOutbox webhooks() {
		return this.webhooks;
	}

	/** Creates the indexes the queries below use; idempotent. */
	public void createIndexes() {
		var ops = this.mongo.indexOps(Job.class);
		ops.createIndex(new Index().on("owner", Sort.Direction.ASC).on("submit_date", Sort.Direction.ASC));
		ops.createIndex(new Index().on("state", Sort.Direction.ASC).on("scheduler", Sort.Direction.ASC));
		// serves the compare-and-set queries {_id, state}: the embedded store uses an
		// index
		// only for a query on exactly its keys, and would scan the collection otherwise
		ops.createIndex(
				new Index().on("_id", Sort.Direction.ASC).on("state", Sort.Direction.ASC).unique().named(CAS_INDEX));
		this.owners.createIndex("submit_date");
	}

	/**
	 * Stores a new job: first in the set the engine watches, then numbered in its owner's
	 * list, so that a crash between the writes leaves nothing the engine cannot see.
	 * @param job the job
	 * @return the stored job
	 */
	public Job insert(Job job) {
		this.watched.watch(job.id(), job.scheduler(), job.owner());
		Document document = new Document();
		this.mongo.getConverter().write(job, document);
		document.put(OwnerSequences.FIELD, this.owners.nextKey(job.owner()));
		this.mongo.insert(document, COLLECTION);
		this.usage.mark(List.of(job.owner()));
		if (!WarmUpOwner.is(job.owner())) {
			this.metrics.submitted(job.app());
		}
		this.changes.append(List.of(JobStatusChange.of(job)));
		return job;
	}

	/** The jobs the engine must still look at. */
	public WatchedJobs watched() {
		return this.watched;
	}

	/** The job as stored now, never from the read cache. */
	public Optional<Job> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Job.class));
	}

	/**
	 * The job if it exists and belongs to {@code owner}; another owner's job is absent.
	 * What the REST API reads: served from the read cache when it was read within its
	 * maximum age and not written by this process since.
	 */
	public Optional<Job> findOwned(String id, String owner) {
		return Optional.ofNullable(this.recent.get(id, () -> this.mongo.findById(id, Job.class)))
			.filter((job) -> job.owner().equals(owner));
	}

	/**
	 * An owner's jobs, newest first, a page at a time.
	 * @param owner the owner
	 * @param before a cursor from an earlier page, or null for the newest
	 * @param limit the most jobs to return
	 * @param filter which jobs to return
	 * @return the page
	 */
	public OwnerPage<Job> findByOwner(String owner, @Nullable Long before, int limit, Predicate<Job> filter) {
		return this.owners.newestFirst(owner, before, limit, Job.class, filter);
	}

	/**
	 * Counts an owner's jobs that are pending, started or running, through the set the
	 * engine watches, so the cost grows with the active jobs, not with the store.
	 * @param owner the owner
	 * @return the number of active jobs
	 */
	public long countActiveByOwner(String owner) {
		return this.watched.findOwned(owner).stream().filter((job) -> job.state().isActive()).count();
	}

	/**
	 * The submission times of an owner's jobs submitted at or after a time, newest first,
	 * read from the owner's list until an older job.
	 * @param owner the owner
	 * @param since the earliest submission time
	 * @return the submission times
	 */
	public List<Instant> submitDatesSince(String owner, Instant since) {
		List<Instant> dates = new ArrayList<>();
		Long before = null;
		do {
			OwnerPage<Job> page = findByOwner(owner, before, 50, (job) -> true);
			for (Job job : page.items()) {
				if (job.submitDate().isBefore(since)) {
					return dates;
				}
				dates.add(job.submitDate());
			}
			before = page.next();
		}
		while (before != null);
		return dates;
	}

	/** The active jobs of a scheduler, oldest first. */
	public List<Job> findActive(String scheduler) {
		return this.watched.find(scheduler).stream().filter((job) -> job.state().isActive()).toList();
	}

	public List<Job> findAllById(Collection<String> ids) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Job.class);
	}

	/**
	 * Moves a job to {@code change.target()} if it is still in one of {@code expected}
	 * (and the transition table allows it).
	 * @param id the job id
	 * @param expected the states the caller saw
	 * @param change the target state and the fields to write with it
	 * @return whether this call changed the job
	 */
	public boolean transition(String id, Set<JobState> expected, JobChange change) {
		for (JobState from : legalSources(expected, change)) {
			Job before = this.mongo.findAndModify(casQuery(id, from), change.update(), Job.class);
			if (before != null) {
				this.recent.forget(id);
				this.usage.mark(List.of(before.owner()));
				if (change.target().isTerminal() && !WarmUpOwner.is(before.owner())) {
					this.metrics.finished(before.app(), change.target());
				}
				published(Map.of(before, change));
				return true;
			}
		}
		return false;
	}

	/**
	 * The states a change may start from, never its own target, so that of several
	 * compare-and-set attempts at most one matches.
	 */
	private static List<JobState> legalSources(Set<JobState> expected, JobChange change) {
		return expected.stream()
			.filter((from) -> from != change.target() && JobTransitions.isAllowed(from, change.target()))
			.sorted()
			.toList();
	}

	/** One job in one state: a query on exactly the keys of the compare-and-set index. */
	private static Query casQuery(String id, JobState state) {
		return Query.query(Criteria.where("_id").is(id).and("state").is(state));
	}

	public boolean transition(String id, JobState expected, JobChange change) {
		return transition(id, Set.of(expected), change);
	}

	/**
	 * Applies many compare-and-set transitions in one write command (one round trip and,
	 * on the embedded store, one commit), each as {@link #transition} would.
	 * @param transitions the transitions, at most one per job
	 * @return the ids of the jobs this call changed
	 */
	public Set<String> transitionAll(List<Transition> transitions) {
		String mark = Ids.newId();
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Job.class);
		Map<String, Transition> queued = new HashMap<>();
		for (Transition transition : transitions) {
			Update update = transition.change().update().set(CHANGE_MARK, mark);
			for (JobState from : legalSources(transition.expected(), transition.change())) {
				bulk.updateOne(casQuery(transition.job().id(), from), update);
				queued.put(transition.job().id(), transition);
			}
		}
		if (queued.isEmpty()) {
			return Set.of();
		}
		int modified;
		try {
			modified = bulk.execute().getModifiedCount();
		}
		finally {
			this.recent.forget(queued.keySet());
		}
		Set<String> changed;
		if (modified == queued.size()) {
			changed = queued.keySet();
		}
		else if (modified == 0) {
			changed = Set.of();
		}
		else {
			Query query = Query.query(Criteria.where("_id").in(queued.keySet()).and(CHANGE_MARK).is(mark));
			query.fields().include("_id");
			changed = this.mongo.find(query, Document.class, "jobs")
				.stream()
				.map((document) -> document.getString("_id"))
				.collect(Collectors.toSet());
		}
		this.usage.mark(changed.stream().map((id) -> queued.get(id).job().owner()).toList());
		Map<Job, JobChange> written = new LinkedHashMap<>();
		for (String id : changed) {
			Transition transition = queued.get(id);
			if (transition.change().target().isTerminal() && !WarmUpOwner.is(transition.job().owner())) {
				this.metrics.finished(transition.job().app(), transition.change().target());
			}
			written.put(transition.job(), transition.change());
		}
		published(written);
		return Set.copyOf(changed);
	}

	/**
	 * Appends written state changes to the change feed and queues the webhooks of the
	 * jobs that ended. A crash right after the state write loses these (the state itself
	 * is safe).
	 */
	private void published(Map<Job, JobChange> written) {
		List<JobStatusChange> after = new ArrayList<>(written.size());
		List<String> endedNow = new ArrayList<>();
		written.forEach((job, change) -> {
			JobStatusChange status = JobStatusChange.of(job, change);
			after.add(status);
			if (change.target().isTerminal()) {
				endedNow.add(job.id());
				if (job.callbackUrl() != null) {
					this.webhooks.enqueue(status, job.callbackUrl());
				}
			}
		});
		this.ended.record(endedNow, Instant.now());
		this.changes.append(after);
	}

	/**
	 * Records the backend's handle of a submitted job, if it is still pending, and ends
	 * its claim.
	 * @return whether the job was still pending
	 */
	public boolean recordSubmission(String id, String ref, String pid, String status) {
		Query query = Query.query(Criteria.where("_id").is(id).and("state").is(JobState.PENDING));
		Update update = new Update().set("scheduler_ref", ref)
			.set("pid", pid)
			.set("status", status)
			.unset("lease_until");
		boolean pending = this.mongo.updateFirst(query, update, Job.class).getModifiedCount() > 0;
		this.recent.forget(id);
		return pending;
	}

	/** Updates only the status text of an active job. */
	public void updateStatus(String id, JobState expected, String status) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("state").is(expected)),
				new Update().set("status", status), Job.class);
		this.recent.forget(id);
	}

	/**
	 * Returns the ended jobs whose end is before a time, oldest first.
	 * @param before the time
	 * @param limit the most jobs to return
	 * @return the jobs
	 */
	public List<Job> findEndedBefore(Instant before, int limit) {
		Query query = Query
			.query(Criteria.where("state")
				.in(JobState.SUCCESS, JobState.FAILURE, JobState.CANCELED, JobState.TIMED_OUT, JobState.ABORTED)
				.and("end_date")
				.lt(before))
			.with(Sort.by("end_date"))
			.limit(limit);
		return this.mongo.find(query, Job.class);
	}

	/**
	 * Returns which of the given ids belong to stored jobs.
	 * @param ids job ids
	 * @return the ids of existing jobs
	 */
	public Set<String> existingIds(Collection<String> ids) {
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, "jobs")
			.stream()
			.map((document) -> document.getString("_id"))
			.collect(Collectors.toSet());
	}

	public void delete(String id) {
		findById(id).ifPresent((job) -> this.usage.mark(List.of(job.owner())));
		this.mongo.remove(Query.query(Criteria.where("_id").is(id)), Job.class);
		this.recent.forget(id);
		this.watched.unwatch(List.of(id));
	}

}
