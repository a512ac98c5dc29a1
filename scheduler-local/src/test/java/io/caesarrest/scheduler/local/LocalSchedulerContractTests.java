package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.SchedulerRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler contract against real local processes, plus stopping a whole process
 * tree.
 */
class LocalSchedulerContractTests extends LocalBackendContractTests {

	@Override
	protected LocalScheduler newScheduler() {
		return new LocalScheduler(2, Duration.ofMillis(250), Duration.ofMillis(500), Clock.systemUTC());
	}

	@Test
	void cancelStopsChildrenThatStartedTheirOwnSession() throws IOException {
		Path jobDir = newJobDir();
		// the child starts a new process group and outlives its parent shell
		SchedulerRef ref = this.scheduler.submit(launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c",
				"setsid sh -c 'echo $$ > child.pid; exec sleep 300' & sleep 300"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Files.exists(jobDir.resolve("child.pid"))
					&& !Files.readString(jobDir.resolve("child.pid")).isBlank());
		long child = Long.parseLong(Files.readString(jobDir.resolve("child.pid")).trim());
		this.scheduler.cancel(ref);
		assertThat(awaitEnd(ref).state()).isEqualTo(JobState.CANCELED);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ProcessHandle.of(child).map((h) -> !h.isAlive()).orElse(true));
	}

}
