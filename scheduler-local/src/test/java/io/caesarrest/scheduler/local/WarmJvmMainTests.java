package io.caesarrest.scheduler.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.caesarrest.app.JavaMainCommand;
import io.caesarrest.scheduler.JobLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker JVM started without its pool's wrapper, whose descriptor 3 is then an ordinary
 * file: it runs its job and saves its code, and never writes to that file (a JVM's own
 * descriptor 3 can be its runtime's modules file).
 */
class WarmJvmMainTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void neverWritesADescriptorThreeThatIsNotItsPoolsPipe(boolean poolVariableSet)
			throws IOException, InterruptedException {
		Path precious = Files.writeString(this.dir.resolve("precious.bin"), "not to be truncated");
		Path jobDir = Files.createDirectories(this.dir.resolve("job"));
		List<String> command = new ArrayList<>(
				List.of("/bin/sh", "-c", "exec 3<>\"$0\"; exec \"$@\"", precious.toString()));
		command.addAll(JavaMainCommand.command(WarmJvmMain.class.getName(), List.of("-Xmx64m")));
		command.add(ShellMain.class.getName());
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("jvm.out").toFile());
		if (poolVariableSet) {
			builder.environment().put(WarmJvmMain.POOL_PIPE_VARIABLE, WarmJvmMain.POOL_PIPE_DESCRIPTOR);
		}
		Process jvm = builder.start();
		try (OutputStream input = jvm.getOutputStream()) {
			input.write(WarmJvmMain.jobRecord(List.of(ShellMain.class.getName(), jobDir.toString(),
					jobDir.resolve("job.log").toString(), "/bin/sh", "-c", "exit 4")));
			input.flush();
			await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(jobDir.resolve(JobLaunch.EXIT_CODE_FILE)));
		}
		assertThat(jvm.waitFor()).isZero();
		assertThat(Files.readString(jobDir.resolve(JobLaunch.EXIT_CODE_FILE)).trim()).isEqualTo("4");
		assertThat(Files.readString(precious, StandardCharsets.UTF_8)).isEqualTo("not to be truncated");
	}

	@Test
	void aJobThatComesDuringTheWarmUpCutsItShort() throws IOException, InterruptedException {
		Path jobDir = Files.createDirectories(this.dir.resolve("job"));
		List<String> command = new ArrayList<>(
				JavaMainCommand.command(WarmJvmMain.class.getName(), List.of("-Xmx64m")));
		command.add(SlowWarmUpMain.class.getName());
		Process jvm = new ProcessBuilder(command).directory(this.dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("jvm.out").toFile())
			.start();
		try (OutputStream input = jvm.getOutputStream()) {
			input.write(WarmJvmMain.jobRecord(
					List.of(SlowWarmUpMain.class.getName(), jobDir.toString(), jobDir.resolve("job.log").toString())));
			input.flush();
			// the warm-up alone would take ten minutes
			await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(jobDir.resolve(JobLaunch.EXIT_CODE_FILE)));
		}
		finally {
			// not left sleeping when the job never came through
			if (!jvm.waitFor(30, TimeUnit.SECONDS)) {
				jvm.destroyForcibly();
			}
		}
		assertThat(jvm.exitValue()).isZero();
		assertThat(Files.readString(jobDir.resolve(JobLaunch.EXIT_CODE_FILE)).trim()).isEqualTo("0");
		assertThat(Files.readString(jobDir.resolve("warm-up.txt"))).isEqualTo("interrupted=true\n");
	}

}
