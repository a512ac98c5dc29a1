package io.caesarrest.api.openapi;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the OpenAPI document says about each endpoint that its code cannot tell: summary,
 * query parameters, request body and an example answer.
 */
final class EndpointDocs {

	static final String API = "/caesar/api/v1.0";

	static final String UWS = "/caesar/uws/v1.1/{app}";

	private static final String JOB_STATUS = """
			{"elapsed_time":12.5,"exit_code":0,"exit_status":0,"job_id":"3f2a9c0e5b7d4e1f9a8b6c5d4e3f2a1b","pid":"4242",\
			"state":"SUCCESS","status":"Job completed with success","tag":"field-17"}""";

	static final Map<String, Doc> DOCS = Map.ofEntries(
			doc("post", API + "/upload", "Upload a file (multipart field 'file'); FITS images are inspected", """
					{"filename_orig":"field.fits","format":"fits","size":2.5,"status":"File uploaded with success",\
					"uuid":"9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d","date":"2026-11-29T10:00:00Z"}"""),
			doc("get", API + "/fileids", "The caller's uploaded file ids", """
					{"file_ids":["9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"]}"""),
			doc("get", API + "/files", "The caller's uploaded files with their details, a page at a time", null),
			doc("get", API + "/download/{uuid}", "Download an uploaded file", null),
			doc("post", API + "/download/{uuid}", "Download an uploaded file", null),
			doc("get", API + "/delete/{uuid}", "Delete an uploaded file", """
					{"status":"File 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d deleted with success"}"""),
			doc("post", API + "/delete/{uuid}", "Delete an uploaded file", """
					{"status":"File 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d deleted with success"}"""),
			doc("get", API + "/apps", "The apps jobs can run", """
					{"apps":["caesar","sfinder","aegean"]}"""),
			doc("get", API + "/app/{name}/describe", "An app's options: type, default, range, description", """
					{"seedthr":{"type":"float","default":5.0,"min":0.0,"max":100.0,"description":"Seed threshold"}}"""),
			doc("get", API + "/datasets", "The configured datasets jobs can take as input", """
					{"datasets":["smgps-tiles"]}"""),
			doc("post", API + "/job", "Submit a job; optional callback_url gets the signed terminal status",
					"""
							{"app":"sfinder","data_inputs":"9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d","job_id":"3f2a9c0e5b7d4e1f9a8b6c5d4e3f2a1b",\
							"job_options":{"seedthr":5},"state":"PENDING","status":"Job submitted and registered with success",\
							"submit_date":"2026-11-29T10:00:00Z","tag":"field-17"}"""),
			doc("get", API + "/jobs", "The caller's jobs, newest first, a page at a time (Link: rel=next)",
					"[" + JOB_STATUS + "]"),
			doc("get", API + "/job/{id}", "One job, as the job list shows it", null),
			doc("get", API + "/job/{id}/status", "A job's status", JOB_STATUS),
			doc("get", API + "/job/{id}/log", "The end of the job's log (text), in any state", null),
			doc("get", API + "/job/{id}/files", "The files of the job directory, with their sizes", null),
			doc("get", API + "/job/{id}/files/{name}", "Download one file of the job directory", null),
			doc("get", API + "/job/{id}/overlay",
					"The catalog as ellipses in the preview's pixels, turned by the image's north", null),
			doc("get", API + "/job/{id}/cancel", "Cancel a job", """
					{"status":"Job canceled and status updated in DB"}"""),
			doc("post", API + "/job/{id}/cancel", "Cancel a job", """
					{"status":"Job canceled and status updated in DB"}"""),
			doc("get", API + "/job/{id}/output", "The job directory as a tar.gz archive (202 while the job runs)",
					null),
			doc("get", API + "/job/{id}/sources", "The islands catalog (JSON)", null),
			doc("get", API + "/job/{id}/source-components", "The components catalog (JSON)", null),
			doc("get", API + "/job/{id}/output-sources", "The islands catalog file", null),
			doc("get", API + "/job/{id}/output-components", "The components catalog file", null),
			doc("get", API + "/job/{id}/output-plot", "The plot (PNG)", null),
			doc("get", API + "/job/{id}/preview", "The plot, base64 in JSON", """
					{"status":"","image":"iVBORw0KGgo..."}"""),
			doc("get", API + "/job/{id}/events",
					"Server-Sent Events of one job: its current status, one 'status' event per state change, "
							+ "'end' after the terminal state; Last-Event-ID resumes; ': ping' heartbeats",
					"id: 42\nevent: status\ndata: " + JOB_STATUS + "\n"),
			doc("get", API + "/jobs/events",
					"Server-Sent Events of all the caller's jobs: one 'status' event per state change; "
							+ "Last-Event-ID resumes; ': ping' heartbeats",
					"id: 42\nevent: status\ndata: " + JOB_STATUS + "\n"),
			doc("get", API + "/accounting", "The caller's usage (admins: any user's with ?user=)",
					"""
							{"njobs":12,"njobs_completed":10,"datasize":20480,"jobsize":4096,"timestamp":"2026-11-29T10:00:00Z"}"""),
			doc("get", API + "/appstats", "Service-wide usage (admins only)", """
					{"nusers":3,"njobs":120,"apps":{"sfinder":{"njobs":100}}}"""),
			doc("get", UWS, "UWS job list of an app (filters PHASE, AFTER, LAST)", null),
			doc("post", UWS, "Create a UWS job: the app's options by name, data, runId, callback_url, PHASE=RUN", null),
			doc("get", UWS + "/{id}", "UWS job; WAIT=n blocks until the phase changes (PHASE=p: while it is p)", null),
			doc("post", UWS + "/{id}", "ACTION=DELETE, or PHASE=RUN / PHASE=ABORT", null),
			doc("delete", UWS + "/{id}", "Delete a UWS job (aborted first if it runs)", null),
			doc("get", UWS + "/{id}/phase", "The job's phase (text)", null),
			doc("post", UWS + "/{id}/phase", "PHASE=RUN or PHASE=ABORT", null),
			doc("get", UWS + "/{id}/executionduration", "The job's time limit in seconds (text)", null),
			doc("post", UWS + "/{id}/executionduration", "Accepted, the service keeps its own limit", null),
			doc("get", UWS + "/{id}/destruction", "When the job will be destroyed (text, empty if never)", null),
			doc("post", UWS + "/{id}/destruction", "Accepted, the service keeps its own destruction time", null),
			doc("get", UWS + "/{id}/parameters", "The job's parameters (XML)", null),
			doc("post", UWS + "/{id}/parameters", "Accepted, parameters are set when the job is created", null),
			doc("get", UWS + "/{id}/results", "The job's results with sizes and MIME types (XML)", null),
			doc("get", UWS + "/{id}/results/{result}", "Download one result", null),
			doc("get", UWS + "/{id}/quote", "The quote: empty, not known", null),
			doc("get", UWS + "/{id}/owner", "The job's owner (text)", null),
			doc("get", UWS + "/{id}/error", "The error message of a job in the ERROR phase (text)", null));

	/** Query parameters of the paths that take them. */
	static final Map<String, List<Param>> QUERY = Map.of(API + "/jobs",
			List.of(new Param("state", "Only jobs in this state (PENDING, RUNNING, SUCCESS...)", "SUCCESS"),
					new Param("app", "Only jobs of this app", "sfinder"),
					new Param("tag", "Only jobs with this tag", "field-17"),
					new Param("since", "Only jobs submitted at or after this time", "2026-11-01T00:00:00Z"),
					new Param("until", "Only jobs submitted before this time", "2026-12-01T00:00:00Z"),
					new Param("limit", "The most jobs in one page", "100"),
					new Param("before", "The cursor of the next page (from the Link header)", "")),
			API + "/job/{id}/log", List.of(new Param("tail", "The number of last lines, 1 to 10000", "100")), UWS,
			List.of(new Param("PHASE", "Only jobs in this phase (repeatable)", "COMPLETED"),
					new Param("AFTER", "Only jobs created after this time", "2026-11-01T00:00:00Z"),
					new Param("LAST", "Only the newest n jobs", "10")),
			UWS + "/{id}",
			List.of(new Param("WAIT", "Seconds to block while the job is active (-1: the server maximum)", "30"),
					new Param("PHASE", "With WAIT: block only while the job is in this phase", "EXECUTING")));

	private EndpointDocs() {
	}

	private static Map.Entry<String, Doc> doc(String method, String path, String summary, @Nullable String example) {
		return Map.entry(method + " " + path, new Doc(summary, example));
	}

	/**
	 * What the document says of one operation.
	 *
	 * @param summary one line
	 * @param example an example answer, or null
	 */
	record Doc(String summary, @Nullable String example) {

	}

	/**
	 * A query parameter.
	 *
	 * @param name its name
	 * @param description what it does
	 * @param example an example value
	 */
	record Param(String name, String description, String example) {

	}

}
