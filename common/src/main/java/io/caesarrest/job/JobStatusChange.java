package io.caesarrest.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A job as it was right after one state change: what event streams and webhooks show.
 *
 * @param seq the change's number in the change feed, increasing; 0 until appended
 * @param jobId the job id
 * @param owner the job's owner
 * @param app the app name
 * @param tag the client's tag
 * @param submitDate the submit time
 * @param state the state the job moved to
 * @param status the status text
 * @param exitCode the exit code, -1 until known
 * @param startDate the start time, or null
 * @param endDate the end time, or null
 * @param pid the process or scheduler job id, or null
 */
public record JobStatusChange(long seq, String jobId, String owner, String app, String tag, Instant submitDate,
		JobState state, String status, int exitCode, @Nullable Instant startDate, @Nullable Instant endDate,
		@Nullable String pid) {

	/** The job as it is now, not yet numbered. */
	public static JobStatusChange of(Job job) {
		return new JobStatusChange(0, job.id(), job.owner(), job.app(), job.tag(), job.submitDate(), job.state(),
				job.status(), job.exitCode(), job.startDate(), job.endDate(), job.pid());
	}

	/**
	 * The job as it was before a change, with the change's fields written over it.
	 * @param before the job before the change
	 * @param change the change
	 * @return the job after the change, not yet numbered
	 */
	public static JobStatusChange of(Job before, JobChange change) {
		JobStatusChange after = of(before);
		Document set = change.update().getUpdateObject().get("$set", Document.class);
		return new JobStatusChange(0, after.jobId, after.owner, after.app, after.tag, after.submitDate, change.target(),
				String.valueOf(set.getOrDefault("status", after.status)),
				((Number) set.getOrDefault("exit_code", after.exitCode)).intValue(),
				instant(set.get("start_date"), after.startDate), instant(set.get("end_date"), after.endDate),
				after.pid);
	}

	/**
	 * The status document of the REST API ({@code GET /job/{id}/status}) plus the app and
	 * the submit date.
	 * @param now the time the elapsed time of a running job is counted to
	 * @return the document, in a stable field order
	 */
	public Map<String, Object> statusDocument(Instant now) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("elapsed_time", elapsedSeconds(now));
		view.put("exit_code", this.exitCode);
		view.put("exit_status", this.exitCode);
		view.put("job_id", this.jobId);
		view.put("pid", (this.pid != null) ? this.pid : "");
		view.put("state", this.state.label());
		view.put("status", this.status);
		view.put("tag", this.tag);
		view.put("app", this.app);
		view.put("submit_date", this.submitDate);
		return view;
	}

	private double elapsedSeconds(Instant now) {
		if (this.startDate == null) {
			return 0;
		}
		Instant end = (this.endDate != null) ? this.endDate : (this.state.isTerminal() ? this.startDate : now);
		return Math.max(0, Duration.between(this.startDate, end).toMillis() / 1000.0);
	}

	/** This change with its number in the feed. */
	public JobStatusChange numbered(long number) {
		return new JobStatusChange(number, this.jobId, this.owner, this.app, this.tag, this.submitDate, this.state,
				this.status, this.exitCode, this.startDate, this.endDate, this.pid);
	}

	/** This change as stored. */
	public Document toDocument() {
		return new Document("_id", this.seq).append("job", this.jobId)
			.append("owner", this.owner)
			.append("app", this.app)
			.append("tag", this.tag)
			.append("submit_date", Date.from(this.submitDate))
			.append("state", this.state.name())
			.append("status", this.status)
			.append("exit_code", this.exitCode)
			.append("start_date", date(this.startDate))
			.append("end_date", date(this.endDate))
			.append("pid", this.pid);
	}

	/** A change as stored. */
	public static JobStatusChange fromDocument(Document document) {
		return new JobStatusChange(((Number) document.get("_id")).longValue(), document.getString("job"),
				document.getString("owner"), document.getString("app"), document.getString("tag"),
				document.getDate("submit_date").toInstant(), JobState.valueOf(document.getString("state")),
				document.getString("status"), document.getInteger("exit_code", -1),
				instant(document.get("start_date"), null), instant(document.get("end_date"), null),
				document.getString("pid"));
	}

	private static @Nullable Date date(@Nullable Instant instant) {
		return (instant != null) ? Date.from(instant) : null;
	}

	private static @Nullable Instant instant(@Nullable Object value, @Nullable Instant otherwise) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		return otherwise;
	}

}
