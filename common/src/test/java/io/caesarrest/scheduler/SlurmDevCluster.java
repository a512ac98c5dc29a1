package io.caesarrest.scheduler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find a live Slurm: the {@code CAESAR_SCHEDULER_SLURM_*} environment
 * variables ({@code deploy/slurm-dev/.env}), by default the development cluster that
 * {@code deploy/slurm-dev/start.sh} starts.
 */
public final class SlurmDevCluster {

	private SlurmDevCluster() {
	}

	/** slurmrestd's base URL. */
	public static URI url() {
		return URI.create(setting("URL", "http://127.0.0.1:6820"));
	}

	/** The cluster's JWT key file. */
	public static Path keyFile() {
		return Path.of(setting("KEY_FILE", "/var/lib/caesar-slurm-dev/jwt_hs256.key"));
	}

	/** The user jobs run as. */
	public static String user() {
		return setting("USER", "caesar");
	}

	/**
	 * Why the cluster cannot be used, or null when its key is readable and it answers.
	 */
	public static String unavailableReason() {
		if (!Files.isReadable(keyFile())) {
			return "no Slurm JWT key at " + keyFile() + ": run deploy/slurm-dev/start.sh";
		}
		if (!answers(url())) {
			return "no slurmrestd at " + url() + ": run deploy/slurm-dev/start.sh";
		}
		return null;
	}

	/**
	 * Whether something accepts connections at a URL's host and port.
	 * @param url the URL
	 * @return whether it answers within 2 s
	 */
	public static boolean answers(URI url) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String setting(String name, String defaultValue) {
		String value = System.getenv("CAESAR_SCHEDULER_SLURM_" + name);
		return (value != null && !value.isBlank()) ? value : defaultValue;
	}

}
