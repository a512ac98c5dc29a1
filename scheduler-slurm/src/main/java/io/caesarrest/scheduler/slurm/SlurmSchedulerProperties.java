package io.caesarrest.scheduler.slurm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Slurm backend.
 *
 * @param url base URL of slurmrestd
 * @param apiVersion {@code auto} (ask the server), {@code v0.0.38}, {@code v0.0.40} or
 * {@code v0.0.41}
 * @param user the Slurm user jobs are submitted (and run) as
 * @param keyFile the cluster's {@code jwt_hs256.key}, to sign tokens with; or null when a
 * static token is given
 * @param token a static token (e.g. from {@code scontrol token}), used when no key file
 * is given
 * @param tokenLifetime lifetime of the tokens signed with the key file; a token is
 * renewed before it expires
 * @param partition partition to submit to, or null for the cluster's default
 * @param account account to charge, or null for the user's default
 * @param maxCoresPerJob upper bound of the cores reserved per task
 * @param jobDirMount where the cluster sees the service's job dir, or null for the same
 * path
 * @param dataDirMount where the cluster sees the service's data dir, or null for the same
 * path
 * @param containerRuntime {@code singularity} or {@code apptainer}
 * @param submitDelay how long a job waits before it starts its app, to let network mounts
 * catch up
 * @param requestTimeout timeout of each slurmrestd request
 * @param jobDirPermissions POSIX permissions given to each job dir the service creates,
 * e.g. {@code rwxrwx---} when the Slurm user differs from the service's user but shares a
 * group with it; null to keep the defaults of the service's umask
 */
@Validated
@ConfigurationProperties("caesar.scheduler.slurm")
public record SlurmSchedulerProperties(@DefaultValue("http://127.0.0.1:6820") @NotNull URI url,
		@DefaultValue("auto") @NotBlank String apiVersion, @NotBlank String user, Path keyFile, String token,
		@DefaultValue("1h") Duration tokenLifetime, String partition, String account,
		@DefaultValue("4") @Min(1) int maxCoresPerJob, Path jobDirMount, Path dataDirMount,
		@DefaultValue("singularity") ContainerRuntime containerRuntime, @DefaultValue("0s") Duration submitDelay,
		@DefaultValue("10s") Duration requestTimeout, String jobDirPermissions) {

	/** The programs that run Singularity images; both take the same options. */
	public enum ContainerRuntime {

		SINGULARITY, APPTAINER;

		/**
		 * The command, which is also the prefix of the variables it passes into a
		 * container.
		 */
		public String command() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
