package io.caesarrest.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.caesarrest.storage.Ids;
import org.jspecify.annotations.Nullable;

/**
 * Jobs for tests, by name instead of by position: {@code JobFixtures.job().owner("bob")
 * .state(JobState.RUNNING).build()}.
 */
public final class JobFixtures {

	private JobFixtures() {
	}

	/** A pending job of {@code alice} for app {@code testapp} on the local scheduler. */
	public static Builder job() {
		return new Builder();
	}

	/** Builds one job; every field has a plain default. */
	public static final class Builder {

		private String id = Ids.newId();

		private String owner = "alice";

		private String app = "testapp";

		private String scheduler = "local";

		private @Nullable String schedulerRef;

		private List<String> argv = List.of("/bin/true");

		private int cores = 1;

		private Duration maxRunTime = Duration.ofMinutes(1);

		private JobState state = JobState.PENDING;

		private String status = "Job submitted";

		private int exitCode = -1;

		private Instant submitted = Instant.now();

		private @Nullable Instant started;

		private @Nullable Instant ended;

		private String jobDir = "/jobs/x";

		private Map<String, Object> options = Map.of();

		private @Nullable String callbackUrl;

		public Builder id(String id) {
			this.id = id;
			return this;
		}

		public Builder owner(String owner) {
			this.owner = owner;
			return this;
		}

		public Builder app(String app) {
			this.app = app;
			return this;
		}

		public Builder scheduler(String scheduler) {
			this.scheduler = scheduler;
			return this;
		}

		public Builder schedulerRef(String ref) {
			this.schedulerRef = ref;
			return this;
		}

		public Builder argv(String... argv) {
			this.argv = List.of(argv);
			return this;
		}

		public Builder cores(int cores) {
			this.cores = cores;
			return this;
		}

		public Builder maxRunTime(Duration maxRunTime) {
			this.maxRunTime = maxRunTime;
			return this;
		}

		public Builder state(JobState state) {
			this.state = state;
			return this;
		}

		public Builder status(String status) {
			this.status = status;
			return this;
		}

		public Builder exitCode(int exitCode) {
			this.exitCode = exitCode;
			return this;
		}

		public Builder submitted(Instant submitted) {
			this.submitted = submitted;
			return this;
		}

		public Builder started(@Nullable Instant started) {
			this.started = started;
			return this;
		}

		public Builder ended(@Nullable Instant ended) {
			this.ended = ended;
			return this;
		}

		public Builder jobDir(Path jobDir) {
			this.jobDir = jobDir.toString();
			return this;
		}

		public Builder callbackUrl(String callbackUrl) {
			this.callbackUrl = callbackUrl;
			return this;
		}

		public Builder options(Map<String, Object> options) {
			this.options = options;
			return this;
		}

		public Job build() {
			return new Job(this.id, this.owner, this.app, this.options, "job_options", Map.of("data", "abc"),
					"/in.fits", "", this.scheduler, this.schedulerRef, this.argv, this.cores, 1,
					this.maxRunTime.toSeconds(), this.state, this.status, this.exitCode, this.submitted, this.started,
					this.ended, this.jobDir, null, null, null, Map.of(), this.callbackUrl);
		}

	}

}
