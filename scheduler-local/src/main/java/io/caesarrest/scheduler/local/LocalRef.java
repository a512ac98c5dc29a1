package io.caesarrest.scheduler.local;

import java.nio.file.Path;
import java.time.Instant;

import io.caesarrest.scheduler.SchedulerRef;

/**
 * What a local handle encodes: enough to find the process again after a restart (pid and
 * its start time, against pid reuse), its deadline and its job dir (for the exit-code
 * file).
 */
record LocalRef(long pid, Instant started, Instant deadline, Path jobDir) {

	SchedulerRef toRef() {
		return new SchedulerRef(
				this.pid + ":" + this.started.toEpochMilli() + ":" + this.deadline.toEpochMilli() + ":" + this.jobDir);
	}

	static LocalRef parse(SchedulerRef ref) {
		String[] parts = ref.value().split(":", 4);
		if (parts.length != 4) {
			throw new IllegalArgumentException("Not a local scheduler reference: " + ref.value());
		}
		return new LocalRef(Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])),
				Instant.ofEpochMilli(Long.parseLong(parts[2])), Path.of(parts[3]));
	}

}
