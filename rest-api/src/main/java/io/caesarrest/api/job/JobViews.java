package io.caesarrest.api.job;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.caesarrest.job.Job;

/**
 * The JSON shapes of jobs, with the original field names.
 */
final class JobViews {

	private JobViews() {
	}

	static Map<String, Object> submitted(Job job) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("app", job.app());
		view.put("data_inputs", job.dataInputs());
		view.put("job_id", job.id());
		view.put(job.optionsField(), job.options());
		view.put("state", job.state().label());
		view.put("status", job.status());
		view.put("submit_date", job.submitDate());
		view.put("tag", job.tag());
		return view;
	}

	static Map<String, Object> status(Job job, Instant now) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("elapsed_time", job.elapsedSeconds(now));
		view.put("exit_code", job.exitCode());
		view.put("exit_status", job.exitCode());
		view.put("job_id", job.id());
		view.put("pid", (job.pid() != null) ? job.pid() : "");
		view.put("state", job.state().label());
		view.put("status", job.status());
		view.put("tag", job.tag());
		return view;
	}

	static Map<String, Object> listed(Job job, Instant now) {
		Map<String, Object> view = new LinkedHashMap<>(submitted(job));
		view.putAll(status(job, now));
		view.put("scheduler", job.scheduler());
		view.put("start_date", job.startDate());
		view.put("end_date", job.endDate());
		return view;
	}

}
