package io.caesarrest.api.uws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A job as UWS shows it.
 *
 * @param id the job id
 * @param app the app (the job list it belongs to)
 * @param owner the owner
 * @param runId the client's run id (the REST API's {@code tag}), or null
 * @param phase the execution phase
 * @param creationTime when the job was created
 * @param startTime when it started, or null
 * @param endTime when it ended, or null
 * @param executionDuration its time limit in seconds
 * @param destruction when it will be destroyed, or null if never
 * @param parameters its parameters by name
 * @param results its results, once it ended
 * @param error what went wrong, in the ERROR phase
 */
record UwsJob(String id, String app, String owner, @Nullable String runId, UwsPhase phase, Instant creationTime,
		@Nullable Instant startTime, @Nullable Instant endTime, long executionDuration, @Nullable Instant destruction,
		Map<String, String> parameters, List<Result> results, @Nullable String error) {

	/**
	 * One result.
	 *
	 * @param id its name
	 * @param href where to download it
	 * @param size its size in bytes, or -1 if not known in advance
	 * @param mimeType its MIME type
	 */
	record Result(String id, String href, long size, String mimeType) {

	}

}
