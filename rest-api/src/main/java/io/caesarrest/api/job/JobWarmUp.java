package io.caesarrest.api.job;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.caesarrest.app.App;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.engine.JobEngine;
import io.caesarrest.file.DataFile;
import io.caesarrest.file.DataFileRepository;
import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import io.caesarrest.fits.FitsInspector;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobChange;
import io.caesarrest.job.JobChangedEvent;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.caesarrest.job.PeriodicTasks;
import io.caesarrest.job.StoreWarmUp;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.OwnerSequences;
import io.caesarrest.storage.OwnerSequences.OwnerPage;
import io.caesarrest.storage.StorageLayout;
import io.caesarrest.storage.WarmUpOwner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Runs a few small jobs of the built-in source finder through the whole job path while
 * the all-in-one service starts, before its port opens: the submission, the engine's
 * dispatch, the local queue's pre-started JVM, the writes at the job's end and the change
 * feed. The service's compilers have then compiled that path before the first user's job,
 * instead of compiling it during that job on the cores the job runs on.
 * <p>
 * The jobs and their input belong to {@link WarmUpOwner}, a name no caller can have, and
 * count in no usage figure or metric; each job is deleted once it ended, and the input at
 * the end. A user's job stops the warm-up after its current job; what a killed warm-up
 * left is deleted at the next start. It runs only where this process runs the job engine
 * and its scheduler keeps the finder's workers from job to job, once those workers are
 * warmed up ({@code caesar.jobs.warm-up-jobs} jobs, 0 for none).
 */
@Component
public class JobWarmUp implements SmartLifecycle {

	/**
	 * Its lifecycle phase: after the engine's loops ({@link PeriodicTasks#PHASE}), before
	 * the web server's.
	 */
	static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;

	/** The app the warm-up runs. */
	static final String APP = "sfinder";

	// side of the simulated image: a job of about 0.05 s in a warm JVM
	private static final int IMAGE_SIZE = 256;

	private static final Duration JOB_TIMEOUT = Duration.ofMinutes(1);

	private static final Duration WORKERS_TIMEOUT = Duration.ofMinutes(3);

	private static final Set<JobState> ACTIVE = EnumSet.of(JobState.PENDING, JobState.STARTED, JobState.RUNNING);

	private static final Logger log = LoggerFactory.getLogger(JobWarmUp.class);

	private final JobSubmissions submissions;

	private final AppCatalog apps;

	private final JobRepository jobs;

	private final DataFileRepository files;

	private final StorageLayout layout;

	private final Scheduler scheduler;

	private final ObjectMapper json;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<JobEngine> engine;

	private final ObjectProvider<StoreWarmUp> storeWarmUp;

	private final int count;

	private final Duration wait;

	private volatile boolean running;

	private final Clock clock = Clock.systemUTC();

	private final Set<String> own = ConcurrentHashMap.newKeySet();

	// timed out: canceled, left for the engine to stop and for the next start to delete
	private final Set<String> abandoned = ConcurrentHashMap.newKeySet();

	private volatile boolean stopped;

	private final CountDownLatch ended = new CountDownLatch(1);

	private volatile int played;

	JobWarmUp(JobSubmissions submissions, AppCatalog apps, JobRepository jobs, DataFileRepository files,
			StorageLayout layout, Scheduler scheduler, ObjectMapper json, ApplicationEventPublisher events,
			ObjectProvider<JobEngine> engine, ObjectProvider<StoreWarmUp> storeWarmUp, JobSettings settings) {
		this.submissions = submissions;
		this.apps = apps;
		this.jobs = jobs;
		this.files = files;
		this.layout = layout;
		this.scheduler = scheduler;
		this.json = json;
		this.events = events;
		this.engine = engine;
		this.storeWarmUp = storeWarmUp;
		this.count = settings.warmUpJobs();
		this.wait = settings.warmUpWait();
	}

	/**
	 * Where it applies, runs the warm-up in a daemon thread of its own once the engine
	 * runs, and waits for it (at most {@code caesar.jobs.warm-up-wait}) before the web
	 * server opens its port: the first user's job then finds the job path compiled and
	 * the cores free, not the warm-up still going. The store warm-up is then left out:
	 * these jobs run its commands through the job path itself.
	 */
	@Override
	public void start() {
		this.running = true;
		if (!applies()) {
			this.ended.countDown();
			return;
		}
		StoreWarmUp store = this.storeWarmUp.getIfAvailable();
		if (store != null) {
			store.skip();
		}
		Thread thread = new Thread(this::run, "job-warm-up");
		thread.setDaemon(true);
		thread.start();
		try {
			if (!this.ended.await(this.wait.toMillis(), TimeUnit.MILLISECONDS)) {
				log.info("Job warm-up still going after {}: the service opens its port, the warm-up goes on",
						this.wait);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Ends the warm-up after its current job. */
	@Override
	public void stop() {
		this.stopped = true;
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Whether this process warms up: it runs the engine, and its scheduler keeps the
	 * finder's workers from job to job.
	 * @return whether {@link #start} starts the warm-up
	 */
	boolean applies() {
		Optional<App> app = this.apps.find(APP);
		return this.count > 0 && this.engine.getIfAvailable() != null && app.isPresent()
				&& this.scheduler.refusal(app.get().launch()).isEmpty()
				&& this.scheduler.reusesWorkers(app.get().launch());
	}

	/**
	 * A job that is not the warm-up's ends the warm-up after its current job: it should
	 * not compete with it.
	 * @param event the change
	 */
	@EventListener(JobChangedEvent.class)
	public void jobChanged(JobChangedEvent event) {
		if (!this.own.contains(event.jobId())) {
			this.stopped = true;
		}
	}

	/**
	 * Waits for the workers, removes what an earlier warm-up left, runs the jobs and
	 * removes them.
	 * @return the jobs that succeeded
	 */
	public int run() {
		long start = 0;
		int succeeded = 0;
		try {
			if (!ready()) {
				return 0;
			}
			start = System.nanoTime();
			removeAll();
			DataFile input = input();
			while (succeeded < this.count && !this.stopped && play(input)) {
				succeeded++;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | IOException ex) {
			log.info("Job warm-up stopped: {}", ex.toString());
		}
		finally {
			removeAll();
			this.played = succeeded;
			this.ended.countDown();
		}
		if (start > 0) {
			log.info("Job warm-up: {} {} jobs in {} ms{}", succeeded, APP, (System.nanoTime() - start) / 1_000_000,
					(succeeded == this.count) ? "" : this.stopped ? " (a user's job came)" : " (stopped early)");
		}
		return succeeded;
	}

	/**
	 * Waits for the warm-up started at the service's start to end.
	 * @param timeout the longest wait
	 * @return the jobs that succeeded, or -1 if it has not ended
	 * @throws InterruptedException when interrupted while waiting
	 */
	public int awaitEnd(Duration timeout) throws InterruptedException {
		return this.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? this.played : -1;
	}

	// the workers warmed up, and no user's job so far (the store warm-up, left out by
	// start, does not run beside it)
	private boolean ready() throws InterruptedException {
		long deadline = System.nanoTime() + WORKERS_TIMEOUT.toNanos();
		while (this.scheduler.workersWarmingUp() && !this.stopped) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(100);
		}
		return !this.stopped;
	}

	// a small simulated sky, recorded as an upload of the warm-up's owner
	private DataFile input() throws IOException {
		String id = Ids.newId();
		Path image = this.layout.dataFile(WarmUpOwner.NAME, id, "fits");
		StorageLayout.createDirectories(image.getParent());
		Path truth = image.resolveSibling(id + ".csv");
		SkySimulator.simulate(SimulationOptions.defaults(IMAGE_SIZE, 1), image, truth, 1);
		Files.deleteIfExists(truth);
		return this.files.insert(new DataFile(id, WarmUpOwner.NAME, "warm-up.fits", "fits", Files.size(image), "",
				image.toString(), this.clock.instant(), null, FitsInspector.inspect(image)));
	}

	// one job through the whole path, as a client submits and follows it, then deleted;
	// false if it did not succeed in time
	private boolean play(DataFile input) throws InterruptedException {
		String id = Ids.newId();
		this.own.add(id);
		ObjectNode request = this.json.createObjectNode();
		request.put("app", APP);
		request.putObject("data_inputs").put("data", input.id());
		// every core, so that a user's job that comes meanwhile waits for this one and
		// then takes the warm JVM, rather than starting cold beside it
		request.putObject(JobSubmissions.OPTIONS).put("nthreads", this.scheduler.capacity().orElse(1));
		// from bytes, as a request body is read
		Job job = this.submissions.submit(this.json.readTree(this.json.writeValueAsBytes(request)), WarmUpOwner.NAME,
				id);
		this.json.writeValueAsBytes(JobViews.submitted(job));
		long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
		Job current = job;
		while (current.state().isActive()) {
			if (System.nanoTime() > deadline) {
				log.info("Job warm-up stopped: its job {} did not end within {}", id, JOB_TIMEOUT);
				this.abandoned.add(id);
				if (this.jobs.transition(id, ACTIVE,
						JobChange.to(JobState.CANCELED, "Warm-up job timed out")
							.exitCode(-1)
							.ended(this.clock.instant()))) {
					this.events.publishEvent(new JobChangedEvent(id, job.scheduler()));
				}
				return false;
			}
			Thread.sleep(5);
			current = this.jobs.findOwned(id, WarmUpOwner.NAME).orElse(null);
			if (current == null) {
				return false;
			}
			this.json.writeValueAsBytes(JobViews.status(current, this.clock.instant()));
		}
		this.json.writeValueAsBytes(JobViews.listed(current, this.clock.instant()));
		delete(current);
		if (current.state() != JobState.SUCCESS) {
			log.info("Job warm-up stopped: its job ended {} ({})", current.state().label(), current.status());
			return false;
		}
		return true;
	}

	// every job and file of the warm-up's owner (but a job that timed out), and its dirs
	// once empty
	private void removeAll() {
		try {
			for (Job job : all((before) -> this.jobs.findByOwner(WarmUpOwner.NAME, before, 100, (j) -> true))) {
				if (!this.abandoned.contains(job.id())) {
					delete(job);
				}
			}
			for (DataFile file : all((before) -> this.files.findByOwner(WarmUpOwner.NAME, before, 100, (f) -> true))) {
				this.files.delete(file.id());
				Files.deleteIfExists(Path.of(file.path()));
			}
			deleteIfEmpty(this.layout.userJobDir(WarmUpOwner.NAME));
			deleteIfEmpty(this.layout.userDataDir(WarmUpOwner.NAME));
		}
		catch (RuntimeException | IOException ex) {
			log.debug("Cannot remove the job warm-up's jobs and files: {}", ex.toString());
		}
	}

	private void delete(Job job) {
		this.jobs.delete(job.id());
		try {
			FileSystemUtils.deleteRecursively(Path.of(job.jobDir()));
		}
		catch (IOException ex) {
			// the retention pass removes directories whose job is gone
		}
	}

	private static <T> List<T> all(Function<@Nullable Long, OwnerPage<T>> pages) {
		List<T> items = new ArrayList<>();
		OwnerSequences.forEachItem(pages, items::add);
		return items;
	}

	private static void deleteIfEmpty(Path dir) throws IOException {
		try {
			Files.deleteIfExists(dir);
		}
		catch (DirectoryNotEmptyException ex) {
			// a job the engine still stops
		}
	}

}
