package io.caesarrest.api.accounting;

import java.util.LinkedHashMap;
import java.util.Map;

import io.caesarrest.accounting.AppStats;
import io.caesarrest.accounting.AppUsage;
import io.caesarrest.accounting.UserAccounting;

/**
 * The JSON shapes of the accounting figures, with the original field names; apps are
 * keyed by name.
 */
final class AccountingViews {

	private AccountingViews() {
	}

	static Map<String, Object> user(UserAccounting a) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("timestamp", a.timestamp());
		view.put("datasize", a.datasize());
		view.put("jobsize", a.jobsize());
		view.put("njobs", a.njobs());
		view.put("njobs_completed", a.njobsCompleted());
		view.put("njobs_failed", a.njobsFailed());
		view.put("njobs_aborted", a.njobsAborted());
		view.put("njobs_pending", a.njobsPending());
		view.put("njobs_running", a.njobsRunning());
		view.put("njobs_unknown", a.njobsUnknown());
		view.put("job_runtime", a.jobRuntime());
		view.put("job_completed_runtime", a.jobCompletedRuntime());
		view.put("files", a.files());
		view.put("bytes", a.bytes());
		Map<String, Long> byApp = new LinkedHashMap<>();
		a.byApp().forEach((app) -> byApp.put(app.app(), app.njobs()));
		view.put("by_app", byApp);
		view.put("by_state", a.byState());
		return view;
	}

	static Map<String, Object> service(AppStats s) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("timestamp", s.timestamp());
		view.put("nusers", s.nusers());
		view.put("datasize", s.datasize());
		view.put("jobsize", s.jobsize());
		view.put("totsize", s.totsize());
		view.put("njobs", s.njobs());
		view.put("njobs_completed", s.njobsCompleted());
		view.put("njobs_failed", s.njobsFailed());
		view.put("njobs_aborted", s.njobsAborted());
		view.put("njobs_pending", s.njobsPending());
		view.put("njobs_running", s.njobsRunning());
		view.put("njobs_unknown", s.njobsUnknown());
		view.put("job_runtime", s.jobRuntime());
		view.put("job_completed_runtime", s.jobCompletedRuntime());
		view.put("avg_completed_job_runtime", s.avgCompletedJobRuntime());
		view.put("files", s.files());
		view.put("bytes", s.bytes());
		view.put("by_state", s.byState());
		Map<String, Object> apps = new LinkedHashMap<>();
		s.apps().forEach((app) -> apps.put(app.app(), app(app)));
		view.put("apps", apps);
		return view;
	}

	private static Map<String, Object> app(AppUsage usage) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("njobs", usage.njobs());
		view.put("by_state", usage.byState());
		view.put("runtime", usage.runtime());
		view.put("nusers", usage.nusers());
		return view;
	}

}
