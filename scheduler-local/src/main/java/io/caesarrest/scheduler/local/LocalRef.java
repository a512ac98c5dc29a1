package io.caesarrest.scheduler.local;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.caesarrest.scheduler.SchedulerRef;
import org.jspecify.annotations.Nullable;

/**
 * What a local handle encodes: enough to find the process again after a restart (pid and
 * its start time, against pid reuse), when the job started, its deadline, the job's
 * container if it runs in one, and its job dir (for the exit-code file). Written
 * {@code pid[@processStart]:start:deadline[:container]:jobDir}, the process start only
 * when the process started before the job (a pre-started worker JVM).
 */
record LocalRef(long pid, Instant processStarted, Instant started, Instant deadline, @Nullable String container,
		Path jobDir) {

	private static final String CONTAINER_PREFIX = "caesar-job-";

	/** Times kept to the millisecond, as written, so that a parsed handle equals this. */
	LocalRef {
		processStarted = processStarted.truncatedTo(ChronoUnit.MILLIS);
		started = started.truncatedTo(ChronoUnit.MILLIS);
		deadline = deadline.truncatedTo(ChronoUnit.MILLIS);
	}

	LocalRef(long pid, Instant started, Instant deadline, @Nullable String container, Path jobDir) {
		this(pid, started, started, deadline, container, jobDir);
	}

	/**
	 * Whether the job runs in a process that started before it (a pre-started worker JVM,
	 * which runs other jobs before and after it).
	 */
	boolean sharedProcess() {
		return !this.processStarted.equals(this.started);
	}

	SchedulerRef toRef() {
		String process = this.processStarted.equals(this.started) ? Long.toString(this.pid)
				: this.pid + "@" + this.processStarted.toEpochMilli();
		return new SchedulerRef(process + ":" + this.started.toEpochMilli() + ":" + this.deadline.toEpochMilli() + ":"
				+ ((this.container != null) ? this.container + ":" : "") + this.jobDir);
	}

	static LocalRef parse(SchedulerRef ref) {
		String[] parts = ref.value().split(":", 4);
		if (parts.length != 4) {
			throw new IllegalArgumentException("Not a local scheduler reference: " + ref.value());
		}
		String[] process = parts[0].split("@", 2);
		Instant started = Instant.ofEpochMilli(Long.parseLong(parts[1]));
		Instant processStarted = (process.length == 2) ? Instant.ofEpochMilli(Long.parseLong(process[1])) : started;
		String container = null;
		String dir = parts[3];
		int colon = dir.indexOf(':');
		if (dir.startsWith(CONTAINER_PREFIX) && colon > 0) {
			container = dir.substring(0, colon);
			dir = dir.substring(colon + 1);
		}
		return new LocalRef(Long.parseLong(process[0]), processStarted, started,
				Instant.ofEpochMilli(Long.parseLong(parts[2])), container, Path.of(dir));
	}

	/** The job's log file, for a job in a container (whose name carries the job id). */
	@Nullable Path containerLog() {
		return (this.container != null)
				? this.jobDir.resolve("job_" + this.container.substring(CONTAINER_PREFIX.length()) + ".log") : null;
	}

}
