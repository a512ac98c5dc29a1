package io.caesarrest.monitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.app.AppFixtures;
import io.caesarrest.app.AppLaunch;
import io.caesarrest.engine.EngineSettings;
import io.caesarrest.engine.JobEngine;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobFixtures;
import io.caesarrest.job.JobMetrics;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.storage.Ids;
import io.caesarrest.store.EmbeddedStore;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Benchmark of one reconciliation cycle of the job monitor: N active jobs in the embedded
 * store, a scheduler that reports a change (an end) for a given fraction of them per
 * cycle; prints the cycle time, the scheduler calls and the DB writes of each cycle, the
 * writes counted as the write commands the store receives.
 *
 * <p>
 * Run with {@code job-monitor/bench/run-benchmark.sh [jobs] [fraction] [cycles]}.
 */
public final class ReconcilerBenchmark {

	private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "findAndModify", "delete");

	private ReconcilerBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int jobCount = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		double fraction = (args.length > 1) ? Double.parseDouble(args[1]) : 0.01;
		int cycles = (args.length > 2) ? Integer.parseInt(args[2]) : 10;
		Path home = Files.createTempDirectory("reconciler-bench");
		AtomicInteger writes = new AtomicInteger();
		CommandListener counter = new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				if (WRITE_COMMANDS.contains(event.getCommandName())) {
					writes.incrementAndGet();
				}
			}
		};
		try (EmbeddedStore store = EmbeddedStore.start(home.resolve("store.mv"), 0, "caesardb");
				MongoClient client = MongoClients.create(MongoClientSettings.builder()
					.applyConnectionString(new com.mongodb.ConnectionString(store.connectionString()))
					.addCommandListener(counter)
					.build())) {
			JobRepository jobs = new JobRepository(new MongoTemplate(client, "caesardb"),
					new JobMetrics(new SimpleMeterRegistry()));
			jobs.createIndexes();
			BenchScheduler scheduler = new BenchScheduler();
			long insertStart = System.nanoTime();
			List<Job> active = insert(jobs, scheduler, jobCount, home);
			System.out.printf(Locale.ROOT, "inserted %d running jobs in %.1f s%n", jobCount,
					(System.nanoTime() - insertStart) / 1e9);
			AppCatalog apps = AppCatalog.of(List.of(AppFixtures.app("bench").build()));
			// reconcile at every round
			JobEngine engine = new JobEngine(jobs, scheduler, apps,
					new EngineSettings("bench", Duration.ZERO, Duration.ofSeconds(1), 2, Duration.ofMinutes(2)),
					Clock.systemUTC(), new SimpleMeterRegistry());
			engine.runOnce(); // warm-up: nothing changed yet
			long queryStart = System.nanoTime();
			int found = jobs.findActive("bench").size();
			System.out.printf(Locale.ROOT, "query of the %d active jobs alone: %.0f ms%n", found,
					(System.nanoTime() - queryStart) / 1e6);
			System.out.println("cycle  active  changed  scheduler_calls  db_writes  time_ms");
			List<Double> times = new ArrayList<>();
			int next = 0;
			for (int cycle = 1; cycle <= cycles; cycle++) {
				int changes = (int) Math.round(active.size() * fraction);
				for (int i = 0; i < changes && next < active.size(); i++, next++) {
					scheduler.end(active.get(next));
				}
				int callsBefore = scheduler.polls.get();
				writes.set(0);
				long start = System.nanoTime();
				JobEngine.Cycle result = engine.runOnce();
				double millis = (System.nanoTime() - start) / 1e6;
				times.add(millis);
				System.out.printf(Locale.ROOT, "%5d  %6d  %7d  %15d  %9d  %7.0f%n", cycle, result.jobs(), changes,
						scheduler.polls.get() - callsBefore, writes.get(), millis);
			}
			times.sort(Double::compare);
			System.out.printf(Locale.ROOT, "median cycle %.0f ms, max %.0f ms (%d jobs, %.1f %% changed per cycle)%n",
					times.get(times.size() / 2), times.get(times.size() - 1), jobCount, fraction * 100);
		}
	}

	private static List<Job> insert(JobRepository jobs, BenchScheduler scheduler, int count, Path home) {
		List<Job> inserted = new ArrayList<>(count);
		Instant now = Instant.now();
		for (int i = 0; i < count; i++) {
			String id = Ids.newId();
			String ref = "bench-" + i;
			Job job = JobFixtures.job()
				.id(id)
				.owner("user" + (i % 50))
				.app("bench")
				.scheduler("bench")
				.schedulerRef(ref)
				.state(JobState.RUNNING)
				.status("Job running")
				.submitted(now)
				.started(now)
				.jobDir(home.resolve("jobs/job_" + id))
				.build();
			inserted.add(jobs.insert(job));
			scheduler.states.put(new SchedulerRef(ref),
					new Execution(JobState.RUNNING, null, now, null, "Job running"));
		}
		return inserted;
	}

	/** A scheduler that answers from memory and counts its polls. */
	static final class BenchScheduler implements Scheduler {

		final Map<SchedulerRef, Execution> states = new ConcurrentHashMap<>();

		final AtomicInteger polls = new AtomicInteger();

		void end(Job job) {
			this.states.put(new SchedulerRef(job.schedulerRef()),
					new Execution(JobState.SUCCESS, 0, job.startDate(), Instant.now(), "Job completed"));
		}

		@Override
		public String name() {
			return "bench";
		}

		@Override
		public Optional<String> refusal(AppLaunch launch) {
			return Optional.empty();
		}

		@Override
		public SchedulerRef submit(JobLaunch launch) {
			throw new UnsupportedOperationException("the benchmark only polls");
		}

		@Override
		public Map<SchedulerRef, Execution> poll(Collection<SchedulerRef> refs) {
			this.polls.incrementAndGet();
			Map<SchedulerRef, Execution> found = new HashMap<>();
			for (SchedulerRef ref : refs) {
				Execution execution = this.states.get(ref);
				if (execution != null) {
					found.put(ref, execution);
				}
			}
			return found;
		}

		@Override
		public void cancel(SchedulerRef ref) {
		}

	}

}
