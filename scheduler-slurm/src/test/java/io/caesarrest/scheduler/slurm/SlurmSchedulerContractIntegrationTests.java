package io.caesarrest.scheduler.slurm;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.SlurmDevCluster;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerContractTests;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.StorageLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scheduler contract against a real Slurm (slurmctld, slurmd and slurmrestd, as
 * started by {@code deploy/slurm-dev/start.sh}); skipped when that cluster is not
 * running. The settings come from the {@code CAESAR_SCHEDULER_SLURM_*} environment
 * variables, by default those of the development cluster.
 */
class SlurmSchedulerContractIntegrationTests extends SchedulerContractTests {

	/** Job dirs must be reachable by the Slurm user, unlike JUnit's private temp dirs. */
	private static final Path HOME = Path.of(System.getProperty("java.io.tmpdir"), "caesar-slurm-it");

	private static final URI URL = SlurmDevCluster.url();

	private static final Path KEY_FILE = SlurmDevCluster.keyFile();

	private final AtomicInteger requests = new AtomicInteger();

	private SlurmScheduler scheduler;

	@BeforeAll
	static void requireCluster() {
		String unavailable = SlurmDevCluster.unavailableReason();
		assumeTrue(unavailable == null, unavailable);
	}

	@BeforeEach
	void createScheduler() throws IOException {
		Files.createDirectories(HOME.resolve("jobs"));
		Files.setPosixFilePermissions(HOME, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(HOME.resolve("jobs"), PosixFilePermissions.fromString("rwxrwxrwx"));
		SlurmSchedulerProperties properties = new SlurmSchedulerProperties(URL, "auto", SlurmDevCluster.user(),
				KEY_FILE, null, Duration.ofMinutes(10), null, null, 4, null, null,
				SlurmSchedulerProperties.ContainerRuntime.SINGULARITY, Duration.ZERO, Duration.ofSeconds(10), null);
		RestClient.Builder http = RestClient.builder().requestInterceptor((request, body, execution) -> {
			this.requests.incrementAndGet();
			return execution.execute(request, body);
		});
		this.scheduler = SlurmSchedulerAutoConfiguration.create(properties,
				new StorageLayout(HOME, HOME.resolve("data"), HOME.resolve("jobs")), http, Clock.systemUTC());
	}

	@Override
	protected Scheduler scheduler() {
		return this.scheduler;
	}

	@Override
	protected Path newJobDir() throws IOException {
		Path dir = Files.createDirectories(HOME.resolve("jobs").resolve("job_" + Ids.newId()));
		// the jobs run as the Slurm user, not as the user running the tests
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
		return dir;
	}

	@Override
	protected Duration endTimeout() {
		// Slurm's shortest time limit is a minute, and slurmctld checks limits every 30 s
		return Duration.ofMinutes(3);
	}

	@Test
	void discoversTheServersApiVersion() {
		assertThat(this.scheduler.apiVersion()).isIn(SlurmApis.known());
	}

	@Test
	void pollsAllJobsWithOneRequest() throws IOException {
		List<SchedulerRef> refs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			refs.add(this.scheduler.submit(launch(newJobDir(), Duration.ofMinutes(5), "/bin/true")));
		}
		refs.add(new SlurmRef(999_999_999L, newJobDir()).toRef());
		this.requests.set(0);
		Map<SchedulerRef, Execution> executions = this.scheduler.poll(refs);
		assertThat(this.requests).hasValue(1);
		assertThat(executions).containsOnlyKeys(refs.subList(0, 3));
	}

	@Test
	void writesTheLogAndExitCodeIntoTheJobDir() throws IOException {
		Path jobDir = newJobDir();
		JobLaunch launch = launch(jobDir, Duration.ofMinutes(5), "/bin/sh", "-c", "echo to-the-log; exit 4");
		assertThat(awaitEnd(this.scheduler.submit(launch)).exitCode()).isEqualTo(4);
		assertThat(Files.readString(jobDir.resolve(launch.logFileName()))).contains("to-the-log");
		assertThat(Files.readString(jobDir.resolve(JobLaunch.EXIT_CODE_FILE)).strip()).isEqualTo("4");
	}

	@Test
	void reportsAJobSlurmForgotFromItsExitCodeFile() throws IOException {
		Path jobDir = newJobDir();
		Files.writeString(jobDir.resolve(JobLaunch.EXIT_CODE_FILE), "5\n");
		SchedulerRef forgotten = new SlurmRef(999_999_998L, jobDir).toRef();
		SchedulerRef lost = new SlurmRef(999_999_997L, newJobDir()).toRef();
		Map<SchedulerRef, Execution> executions = this.scheduler.poll(List.of(forgotten, lost));
		assertThat(executions).containsOnlyKeys(forgotten);
		assertThat(executions.get(forgotten).state()).isEqualTo(JobState.FAILURE);
		assertThat(executions.get(forgotten).exitCode()).isEqualTo(5);
	}

	@Test
	void cancelsAJobSlurmDoesNotKnow() {
		this.scheduler.cancel(new SlurmRef(999_999_996L, HOME).toRef());
	}

	@Test
	void refusesAWrongToken() throws IOException {
		SlurmSchedulerProperties properties = new SlurmSchedulerProperties(URL, "auto", SlurmDevCluster.user(), null,
				"not-a-token", Duration.ofMinutes(10), null, null, 4, null, null,
				SlurmSchedulerProperties.ContainerRuntime.SINGULARITY, Duration.ZERO, Duration.ofSeconds(10), null);
		SlurmScheduler wrong = SlurmSchedulerAutoConfiguration.create(properties,
				new StorageLayout(HOME, HOME.resolve("data"), HOME.resolve("jobs")), RestClient.builder(),
				Clock.systemUTC());
		assertThatExceptionOfType(SchedulerException.class)
			.isThrownBy(() -> wrong.poll(List.of(new SlurmRef(1, HOME).toRef())));
	}

}
