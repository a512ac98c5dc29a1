package io.caesarrest.scheduler.slurm;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.caesarrest.scheduler.SchedulerException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * HTTP calls to slurmrestd with the user's token; answers are parsed into the caller's
 * records, and transport failures become {@link SchedulerException}s.
 */
final class SlurmRestClient {

	private final RestClient http;

	private final String user;

	private final SlurmToken token;

	private final JsonMapper json;

	SlurmRestClient(RestClient http, String user, SlurmToken token, JsonMapper json) {
		this.http = http;
		this.user = user;
		this.token = token;
		this.json = json;
	}

	/**
	 * Sends one request.
	 * @param method the method
	 * @param path the path under the base URL
	 * @param body a body to send as JSON, or null
	 * @param type the record the answer is read into
	 * @return the HTTP status and the answer (null when the server sent none)
	 * @throws SchedulerException if slurmrestd cannot be reached or answers with
	 * something else than JSON
	 */
	<T extends Errors> Answer<T> exchange(HttpMethod method, String path, Object body, Class<T> type) {
		try {
			RestClient.RequestBodySpec request = this.http.method(method)
				.uri(path)
				.accept(MediaType.APPLICATION_JSON)
				.header("X-SLURM-USER-NAME", this.user)
				.header("X-SLURM-USER-TOKEN", this.token.current());
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(this.json.writeValueAsString(body));
			}
			return request.exchange((req, response) -> {
				int status = response.getStatusCode().value();
				byte[] bytes = response.getBody().readAllBytes();
				boolean isJson = bytes.length > 0 && bytes[0] == '{';
				return new Answer<>(status, isJson ? this.json.readValue(bytes, type) : null,
						isJson ? null : new String(bytes, StandardCharsets.UTF_8).strip());
			});
		}
		catch (RestClientException | JacksonException ex) {
			throw new SchedulerException("slurmrestd " + method + " " + path + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A slurmrestd answer.
	 *
	 * @param status HTTP status
	 * @param body the parsed JSON answer, or null
	 * @param text the answer when it was not JSON
	 * @param <T> the body's type
	 */
	record Answer<T extends Errors>(int status, T body, String text) {

		boolean isOk() {
			return this.status >= 200 && this.status < 300 && this.body != null
					&& (this.body.errors() == null || this.body.errors().isEmpty());
		}

		/**
		 * The body, provided that the request succeeded without errors.
		 * @param what what was asked, for the exception's message
		 * @return the body
		 * @throws SchedulerException if slurmrestd answered with an error
		 */
		T require(String what) {
			if (!isOk()) {
				throw new SchedulerException("slurmrestd could not " + what + ": HTTP " + this.status + ", "
						+ ((this.body != null) ? SlurmError.describe(this.body.errors()) : this.text));
			}
			return this.body;
		}

	}

	/**
	 * Submits a batch job ({@code POST /slurm/<version>/job/submit}).
	 * @param version the API version
	 * @param submission the version's request body
	 * @param name the job's name, for error messages
	 * @return Slurm's job id
	 */
	long submitJob(String version, Object submission, String name) {
		return exchange(HttpMethod.POST, "/slurm/" + version + "/job/submit", submission, Submitted.class)
			.require("submit job " + name)
			.jobId();
	}

	/**
	 * Cancels a job ({@code DELETE /slurm/<version>/job/<id>}); a job Slurm no longer
	 * knows counts as canceled.
	 * @param version the API version
	 * @param jobId Slurm's job id
	 */
	void cancelJob(String version, long jobId) {
		Answer<Cancelled> answer = exchange(HttpMethod.DELETE, "/slurm/" + version + "/job/" + jobId, null,
				Cancelled.class);
		if (!answer.isOk() && (answer.body() == null || !SlurmError.isGoneJob(answer.body().errors()))) {
			answer.require("cancel job " + jobId);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Submitted(@JsonProperty("job_id") Long jobId, List<SlurmError> errors) implements Errors {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Cancelled(List<SlurmError> errors) implements Errors {
	}

	/** A slurmrestd answer, which lists the request's errors. */
	interface Errors {

		List<SlurmError> errors();

	}

}
