package io.caesarrest.job;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.mongodb.core.query.Update;

/**
 * The fields written together with a state change.
 */
public final class JobChange {

	private final JobState target;

	private final Update update;

	private JobChange(JobState target, String status) {
		this.target = target;
		this.update = new Update().set("state", target).set("status", status);
	}

	public static JobChange to(JobState target, String status) {
		return new JobChange(target, status);
	}

	public JobChange exitCode(int exitCode) {
		this.update.set("exit_code", exitCode);
		return this;
	}

	public JobChange started(Instant when) {
		this.update.set("start_date", when);
		return this;
	}

	public JobChange ended(Instant when) {
		this.update.set("end_date", when);
		return this;
	}

	public JobChange outputs(Map<String, String> outputs) {
		this.update.set("outputs", outputs);
		return this;
	}

	public JobState target() {
		return this.target;
	}

	Update update() {
		return this.update;
	}

}
