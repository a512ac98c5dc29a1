package io.caesarrest.scheduler.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local queue.
 *
 * @param cores cores the local jobs may use together; 0 means all of this machine's
 * @param pollInterval how often the job engine polls the local processes (it also looks
 * at once when one of them ends, and when a local job is submitted or canceled in the
 * same process)
 * @param killGrace time between SIGTERM and SIGKILL when a job is stopped
 * @param containers how apps with a container image run, if at all
 * @param warmJvms pre-started, warmed-up JVMs kept idle per heap size for the Java apps
 * ({@code {java-main:<class>}} commands) whose main class can run in one; each runs job
 * after job, one at a time, and is replaced when it ends; 0 starts a JVM for each job
 * @param warmJvmJobs the jobs a pre-started JVM runs before it ends and is replaced
 * @param jvmDir where the JVMs of Java apps keep their files (the pre-started JVMs'
 * dirs); empty for {@code caesar-rest-jvms} in the temporary directory
 */
@ConfigurationProperties("caesar.scheduler.local")
public record LocalSchedulerProperties(@DefaultValue("0") int cores, @DefaultValue("250ms") Duration pollInterval,
		@DefaultValue("3s") Duration killGrace, @DefaultValue Containers containers, @DefaultValue("1") int warmJvms,
		@DefaultValue("100") int warmJvmJobs, @Nullable Path jvmDir, @DefaultValue("false") boolean classDataSharing) {

	/** Where the JVMs of Java apps keep their files. */
	public Path effectiveJvmDir() {
		return (this.jvmDir != null && !this.jvmDir.toString().isBlank()) ? this.jvmDir
				: Path.of(System.getProperty("java.io.tmpdir"), "caesar-rest-jvms");
	}

	public int effectiveCores() {
		return (this.cores > 0) ? this.cores : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * The container runtime of the local queue.
	 *
	 * @param runtime {@code none} (image apps are refused), {@code docker} or
	 * {@code podman}
	 * @param command the runtime's CLI, when not the runtime's name on the PATH
	 * @param user the {@code uid:gid} containers run as; empty for this service's own
	 * @param network the network of job containers ({@code none}: no network at all)
	 * @param pull when to pull an image: {@code missing}, {@code always} or {@code never}
	 * @param init whether a small init process runs as PID 1 of each container (forwards
	 * signals to the app, reaps its children)
	 * @param runArgs more arguments of {@code run}, placed before the image (e.g.
	 * {@code --gpus=all}, {@code --security-opt=...})
	 */
	public record Containers(@DefaultValue("none") String runtime, @Nullable String command, @Nullable String user,
			@DefaultValue("none") String network, @DefaultValue("missing") String pull,
			@DefaultValue("true") boolean init, List<String> runArgs) {

		public Containers {
			runArgs = (runArgs != null) ? List.copyOf(runArgs) : List.of();
		}

		public boolean enabled() {
			return !"none".equalsIgnoreCase(this.runtime.trim());
		}

		/** The CLI to run. */
		public String executable() {
			return (this.command != null && !this.command.isBlank()) ? this.command.trim() : this.runtime.trim();
		}

	}

}
