package io.caesarrest.api.job;

import java.nio.file.Files;
import java.nio.file.Path;

import io.caesarrest.api.error.ApiException;
import io.caesarrest.app.App;
import io.caesarrest.app.InputKind;
import io.caesarrest.dataset.DatasetProperties;
import io.caesarrest.file.DataFileRepository;
import io.caesarrest.storage.Ids;
import tools.jackson.databind.JsonNode;

/**
 * Resolves a request's {@code data_inputs}: a file uuid or a dataset name, given as a
 * string or as {@code {"data": …}}.
 */
final class JobInput {

	private JobInput() {
	}

	static Path resolve(JsonNode dataInputs, App app, String owner, DataFileRepository files,
			DatasetProperties datasets) {
		String name = name(dataInputs);
		if (Ids.isId(name) && app.input().kinds().contains(InputKind.FILE)) {
			return files.findOwned(name, owner)
				.map((file) -> Path.of(file.path()))
				.filter(Files::isRegularFile)
				.orElseThrow(() -> ApiException
					.badRequest("Cannot find file corresponding to given data input uid " + name + "!"));
		}
		if (app.input().kinds().contains(InputKind.DATASET)) {
			var dataset = datasets.find(name);
			if (dataset.isPresent() && dataset.get().filelist() != null) {
				return dataset.get().filelist().toAbsolutePath();
			}
		}
		throw ApiException.badRequest("Cannot find file corresponding to given data input uid " + name + "!");
	}

	private static String name(JsonNode dataInputs) {
		JsonNode value = dataInputs;
		if (dataInputs.isObject()) {
			if (dataInputs.size() != 1 || !dataInputs.has("data")) {
				throw ApiException.badRequest("data_inputs must be a file uuid or {\"data\": <file uuid>}");
			}
			value = dataInputs.get("data");
		}
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw ApiException.badRequest("data_inputs must be a file uuid or {\"data\": <file uuid>}");
		}
		return value.asString().trim();
	}

}
