package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service deletes in the shared JVM dir when it starts, with real processes as the
 * users: only what no live process uses.
 */
class JvmDirCleanupTests {

	private static final String OURS = "aaaa0000aaaa0000";

	@TempDir
	Path dir;

	private Process sleeper;

	@AfterEach
	void stopSleeper() throws InterruptedException {
		if (this.sleeper != null) {
			this.sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void deletesOtherBuildsNoLiveProcessUses() throws Exception {
		Path ours = classPath(OURS);
		Path stale = classPath("bbbb1111bbbb1111");
		Path staleArchive = Files.writeString(this.dir.resolve("classes-bbbb1111bbbb1111.jsa"), "archive");
		// a build whose service was killed: its marker names a process that ended
		Path killed = classPath("cccc2222cccc2222");
		marker("cccc2222cccc2222", endedPid(), "");
		// a build a live service registered for
		Path registered = classPath("dddd3333dddd3333");
		this.sleeper = new ProcessBuilder("sleep", "60").start();
		marker("dddd3333dddd3333", this.sleeper.pid(),
				this.sleeper.info().startInstant().map(Instant::toString).orElse(""));
		// a live pid whose start time is not the registered one: the pid was reused
		Path reused = classPath("eeee4444eeee4444");
		marker("eeee4444eeee4444", this.sleeper.pid(), "2001-01-01T00:00:00Z");

		List<String> deleted = JvmDirCleanup.registerAndClean(this.dir, OURS);

		assertThat(deleted).containsExactlyInAnyOrder("classpath-bbbb1111bbbb1111", "classes-bbbb1111bbbb1111.jsa",
				"classpath-cccc2222cccc2222", "classpath-eeee4444eeee4444");
		assertThat(ours.resolve("caesar-rest.jar")).exists();
		assertThat(registered.resolve("caesar-rest.jar")).exists();
		assertThat(stale).doesNotExist();
		assertThat(staleArchive).doesNotExist();
		assertThat(killed).doesNotExist();
		assertThat(reused).doesNotExist();
		// this process is now registered for its own build; the others' markers are gone
		// with their files
		assertThat(this.dir.resolve(JvmDirCleanup.USERS)
			.resolve(OURS)
			.resolve(Long.toString(ProcessHandle.current().pid()))).exists();
		assertThat(this.dir.resolve(JvmDirCleanup.USERS).resolve("cccc2222cccc2222")).doesNotExist();
		assertThat(this.dir.resolve(JvmDirCleanup.USERS).resolve("dddd3333dddd3333")).exists();

		// once the live service has ended, its build's files go at the next start
		this.sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		assertThat(JvmDirCleanup.registerAndClean(this.dir, OURS)).containsExactly("classpath-dddd3333dddd3333");
		assertThat(JvmDirCleanup.registerAndClean(this.dir, OURS)).isEmpty();
	}

	@Test
	void keepsBuildFilesALiveProcessNames() throws Exception {
		// a worker JVM still running the job of a killed service: no marker, but its
		// command line names the class path
		Path used = classPath("ffff5555ffff5555");
		this.sleeper = new ProcessBuilder("sh", "-c", "sleep 60; true", "worker",
				used.resolve("caesar-rest.jar").toString())
			.start();

		assertThat(JvmDirCleanup.registerAndClean(this.dir, OURS)).isEmpty();
		assertThat(used.resolve("caesar-rest.jar")).exists();
	}

	@Test
	void deletesOnlyEmptyPoolsOfEndedServicesAndAbandonedWork() throws Exception {
		long ended = endedPid();
		Path endedPool = Files.createDirectory(this.dir.resolve("pool-" + ended + "-1"));
		Path busyPool = Files.createDirectories(this.dir.resolve("pool-" + ended + "-2").resolve("worker-1"));
		Path livePool = Files.createDirectory(this.dir.resolve(JvmDirCleanup.poolPrefix() + "3"));
		Path oldStylePool = aged(Files.createDirectory(this.dir.resolve("pool-123456789")), Duration.ofDays(2));
		Path recentOldStylePool = Files.createDirectory(this.dir.resolve("pool-987654321"));
		Path abandoned = aged(Files.createDirectories(this.dir.resolve("extracting-1").resolve("out")).getParent(),
				Duration.ofHours(2));
		Path extracting = Files.createDirectories(this.dir.resolve("extracting-2"));
		Path archiving = aged(Files.createDirectories(this.dir.resolve("archiving-3")), Duration.ofHours(2));

		List<String> deleted = JvmDirCleanup.registerAndClean(this.dir, OURS);

		assertThat(deleted).containsExactlyInAnyOrder(endedPool.getFileName().toString(), "pool-123456789",
				"extracting-1", "archiving-3");
		assertThat(endedPool).doesNotExist();
		assertThat(busyPool).exists();
		assertThat(livePool).exists();
		assertThat(oldStylePool).doesNotExist();
		assertThat(recentOldStylePool).exists();
		assertThat(abandoned).doesNotExist();
		assertThat(extracting).exists();
		assertThat(archiving).doesNotExist();
	}

	private Path classPath(String key) throws IOException {
		Path dir = Files.createDirectories(this.dir.resolve("classpath-" + key));
		Files.writeString(dir.resolve("caesar-rest.jar"), "jar");
		return dir;
	}

	private void marker(String key, long pid, String started) throws IOException {
		Path users = Files.createDirectories(this.dir.resolve(JvmDirCleanup.USERS).resolve(key));
		Files.writeString(users.resolve(Long.toString(pid)), started);
	}

	private static long endedPid() throws Exception {
		Process process = new ProcessBuilder("true").start();
		process.waitFor(10, TimeUnit.SECONDS);
		return process.pid();
	}

	private static Path aged(Path path, Duration age) throws IOException {
		Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(age)));
		return path;
	}

}
