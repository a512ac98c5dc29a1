package io.caesarrest.scheduler.slurm;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.caesarrest.scheduler.SchedulerException;

import org.springframework.http.HttpMethod;

/**
 * Chooses the {@link SlurmApi} for a configured OpenAPI version, or for the newest one
 * the server offers.
 */
final class SlurmApis {

	static final String AUTO = "auto";

	private SlurmApis() {
	}

	/**
	 * The API of a version.
	 * @param client the HTTP client
	 * @param version {@code v0.0.38}, {@code v0.0.40}, {@code v0.0.41} or {@code auto}
	 * @return the API
	 * @throws SchedulerException if the version is {@code auto} and the server cannot be
	 * reached or offers none of the known versions
	 */
	static SlurmApi forVersion(SlurmRestClient client, String version) {
		if (AUTO.equals(version)) {
			return forVersion(client, discover(client));
		}
		if (SlurmApiV0038.VERSION.equals(version)) {
			return new SlurmApiV0038(client);
		}
		if (SlurmApiV0040.VERSIONS.contains(version)) {
			return new SlurmApiV0040(client, version);
		}
		throw new IllegalArgumentException(
				"Unsupported slurmrestd OpenAPI version " + version + ", use one of " + known() + " or " + AUTO);
	}

	static List<String> known() {
		List<String> versions = new ArrayList<>(SlurmApiV0040.VERSIONS);
		versions.add(SlurmApiV0038.VERSION);
		return versions;
	}

	// slurmrestd answers 404 for the paths of a plugin it has not loaded
	private static String discover(SlurmRestClient client) {
		for (String version : known()) {
			SlurmRestClient.Answer<Ping> answer = client.exchange(HttpMethod.GET, "/slurm/" + version + "/ping", null,
					Ping.class);
			if (answer.status() != 404) {
				answer.require("answer a ping");
				return version;
			}
		}
		throw new SchedulerException("slurmrestd offers none of the OpenAPI versions " + known());
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Ping(List<SlurmError> errors) implements SlurmRestClient.Errors {
	}

}
