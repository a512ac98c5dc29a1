package io.caesarrest.api.app;

import java.util.LinkedHashMap;
import java.util.Map;

import io.caesarrest.api.error.ApiException;
import io.caesarrest.app.App;
import io.caesarrest.app.AppCatalog;
import io.caesarrest.dataset.DatasetProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * Lists the apps and datasets and describes an app's options.
 */
@RestController
@RequestMapping(API)
class AppController {

	private final AppCatalog apps;

	private final DatasetProperties datasets;

	AppController(AppCatalog apps, DatasetProperties datasets) {
		this.apps = apps;
		this.datasets = datasets;
	}

	@GetMapping("/apps")
	Map<String, Object> apps() {
		return Map.of("apps", this.apps.apps().stream().map(App::name).toList());
	}

	@GetMapping("/app/{name}/describe")
	Map<String, Map<String, Object>> describe(@PathVariable String name) {
		return this.apps.find(name).orElseThrow(() -> ApiException.badRequest("Unknown app " + name + "!")).describe();
	}

	@GetMapping("/datasets")
	Map<String, Object> datasets() {
		Map<String, Object> body = new LinkedHashMap<>();
		this.datasets.datasets()
			.forEach((name, dataset) -> body.put(name,
					Map.of("description", (dataset.description() != null) ? dataset.description() : "")));
		return body;
	}

}
