package io.caesarrest.api.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caesarrest.api.error.ApiException;
import io.caesarrest.app.App;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.app.JobOptionsValidator;
import io.caesarrest.app.ValidatedOptions;
import io.caesarrest.dataset.DatasetProperties;
import io.caesarrest.file.DataFileRepository;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobRepository;
import io.caesarrest.job.JobChangedEvent;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.StorageLayout;
import io.caesarrest.webhook.CallbackTargets;
import io.caesarrest.webhook.InvalidCallbackUrlException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns a job request into a pending job: checks the body, resolves the input, validates
 * the options and builds the command line, then records the job. Nothing is written
 * unless every check passed.
 */
@Component
public class JobSubmissions {

	static final String OPTIONS = "job_options";

	static final String OLD_OPTIONS = "job_inputs";

	private final AppCatalog apps;

	private final JobOptionsValidator validator = new JobOptionsValidator();

	private final DataFileRepository files;

	private final DatasetProperties datasets;

	private final JobRepository jobs;

	private final StorageLayout layout;

	private final JobSettings settings;

	private final Scheduler scheduler;

	private final ObjectMapper json;

	private final ApplicationEventPublisher events;

	private final CallbackTargets callbacks;

	private final Clock clock = Clock.systemUTC();

	JobSubmissions(AppCatalog apps, DataFileRepository files, DatasetProperties datasets, JobRepository jobs,
			StorageLayout layout, JobSettings settings, Scheduler scheduler, ObjectMapper json,
			ApplicationEventPublisher events, CallbackTargets callbacks) {
		this.apps = apps;
		this.files = files;
		this.datasets = datasets;
		this.jobs = jobs;
		this.layout = layout;
		this.settings = settings;
		this.scheduler = scheduler;
		this.json = json;
		this.events = events;
		this.callbacks = callbacks;
	}

	Job submit(byte[] body, String owner) {
		return submit(parse(body), owner, Ids.newId());
	}

	/**
	 * Checks a job request and records the job.
	 * @param request the request, as the JSON body of {@code POST /job}
	 * @param owner the caller
	 * @param id the new job's id
	 * @return the stored pending job
	 */
	public Job submit(JsonNode request, String owner, String id) {
		Job stored = this.jobs.insert(prepare(request, owner, id));
		this.events.publishEvent(new JobChangedEvent(stored.id(), stored.scheduler()));
		return stored;
	}

	/**
	 * Checks a job request and builds the job it asks for, writing nothing.
	 * @param request the request, as the JSON body of {@code POST /job}
	 * @param owner the caller
	 * @param id the new job's id
	 * @return the pending job, not stored
	 */
	public Job prepare(JsonNode request, String owner, String id) {
		App app = app(request);
		String optionsField = optionsField(request);
		JsonNode options = request.get(optionsField);
		if (!request.has("data_inputs") || request.get("data_inputs").isNull()) {
			throw ApiException.badRequest("No data inputs field found in request!");
		}
		Path input = JobInput.resolve(request.get("data_inputs"), app, owner, this.files, this.datasets);
		ValidatedOptions validated = this.validator.validate(app, options);
		checkRunnable(app);
		String callbackUrl = callbackUrl(request);
		Duration maxRunTime = min(app.resources().maxRunTime(), this.settings.maxRunTime());
		Job.Request jobRequest = new Job.Request(app.name(), toMap(options), optionsField,
				this.json.convertValue(request.get("data_inputs"), Object.class), tag(request), callbackUrl);
		// a {java-main:} entry stays as it is: the backend that runs the job expands it
		Job.Command command = new Job.Command(input.toString(), app.commandLine(validated, input, id),
				validated.cores(), validated.procs(), maxRunTime);
		return Job.pending(id, owner, this.scheduler.name(), jobRequest, command, this.layout.jobDir(owner, id),
				this.clock.instant());
	}

	private @Nullable String callbackUrl(JsonNode request) {
		JsonNode url = request.get("callback_url");
		if (url == null || url.isNull() || (url.isString() && url.asString().isBlank())) {
			return null;
		}
		if (!url.isString()) {
			throw ApiException.badRequest("callback_url must be a string (an http or https URL)");
		}
		try {
			return this.callbacks.check(url.asString().trim()).toString();
		}
		catch (InvalidCallbackUrlException ex) {
			throw ApiException.badRequest(ex.getMessage());
		}
	}

	private JsonNode parse(byte[] body) {
		try {
			JsonNode request = (body == null || body.length == 0) ? null : this.json.readTree(body);
			if (request == null || !request.isObject()) {
				throw ApiException.badRequest("Invalid request data! Send a JSON object");
			}
			return request;
		}
		catch (JacksonException ex) {
			throw ApiException.badRequest("Invalid request data! Malformed JSON: " + ex.getOriginalMessage());
		}
	}

	private App app(JsonNode request) {
		JsonNode name = request.get("app");
		if (name == null || !name.isString() || name.asString().isBlank()) {
			throw ApiException.badRequest("No app name found in request!");
		}
		return this.apps.find(name.asString())
			.orElseThrow(() -> ApiException.badRequest("Unknown app " + name.asString() + "!"));
	}

	private static String optionsField(JsonNode request) {
		if (request.has(OPTIONS) && request.has(OLD_OPTIONS)) {
			throw ApiException.badRequest("Give the options either as job_options or as job_inputs, not both");
		}
		return request.has(OLD_OPTIONS) ? OLD_OPTIONS : OPTIONS;
	}

	private void checkRunnable(App app) {
		this.scheduler.refusal(app.launch()).ifPresent((reason) -> {
			throw ApiException.badRequest("App " + app.name() + " cannot run on the " + this.scheduler.name()
					+ " scheduler of this service: " + reason + "; apps that run here: " + runnableApps());
		});
	}

	private List<String> runnableApps() {
		return this.apps.apps()
			.stream()
			.filter((a) -> this.scheduler.refusal(a.launch()).isEmpty())
			.map(App::name)
			.toList();
	}

	private Map<String, Object> toMap(JsonNode options) {
		if (options == null || options.isNull()) {
			return Map.of();
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> map = this.json.convertValue(options, LinkedHashMap.class);
		return map;
	}

	private static String tag(JsonNode request) {
		JsonNode tag = request.get("tag");
		if (tag == null || tag.isNull()) {
			return "";
		}
		if (!tag.isValueNode()) {
			throw ApiException.badRequest("tag must be a string");
		}
		return tag.asString();
	}

	private static Duration min(Duration a, Duration b) {
		if (a == null) {
			return b;
		}
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
