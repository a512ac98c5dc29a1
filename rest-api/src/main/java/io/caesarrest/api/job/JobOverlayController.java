package io.caesarrest.api.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caesarrest.api.error.ApiException;
import io.caesarrest.finder.wcs.WorldCoordinates;
import io.caesarrest.job.Job;
import io.caesarrest.job.JobOutputs;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * The catalogued sources as ellipses in the pixels of a finished job's preview (the plot
 * is the image block-averaged by an integer factor, north up as in FITS), rotated by the
 * image's own north at each source when its WCS can be read: what a page needs to draw
 * them over the preview.
 */
@RestController
@RequestMapping(API + "/job/{id}")
class JobOverlayController {

	private final JobOutputController outputs;

	private final ObjectMapper json;

	JobOverlayController(JobOutputController outputs, ObjectMapper json) {
		this.outputs = outputs;
		this.json = json;
	}

	@GetMapping("/overlay")
	Map<String, Object> overlay(@PathVariable String id) throws IOException {
		Job job = this.outputs.finished(id);
		int[] preview = pngSize(this.outputs.output(job, JobOutputs.PLOT));
		JsonNode catalog = readCatalog(job);
		JsonNode metadata = catalog.path("metadata");
		JsonNode items = catalog.has("components") ? catalog.get("components") : catalog.path("sources");
		int width = metadata.path("width").asInt(preview[0]);
		int height = metadata.path("height").asInt(preview[1]);
		int factor = Math.max(1,
				(Math.max(width, height) + Math.max(preview[0], preview[1]) - 1) / Math.max(preview[0], preview[1]));
		double sizeToPixels = "arcsec".equals(metadata.path("size_unit").asString(""))
				&& metadata.path("pixel_scale_arcsec").asDouble(0) > 0
						? 1 / metadata.path("pixel_scale_arcsec").asDouble() : 1;
		WorldCoordinates wcs = ImageHeaders.celestial(Path.of(job.inputPath()));
		List<Map<String, Object>> ellipses = new ArrayList<>();
		for (JsonNode item : items) {
			if (item.path("x").isNumber() && item.path("y").isNumber()) {
				ellipses.add(ellipse(item, wcs, factor, preview[1], sizeToPixels));
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("preview", Map.of("width", preview[0], "height", preview[1]));
		body.put("image", Map.of("width", width, "height", height));
		body.put("factor", factor);
		body.put("catalog", catalog.has("components") ? "components" : "sources");
		body.put("north", (wcs != null) ? "wcs" : "up");
		body.put("ellipses", ellipses);
		return body;
	}

	/**
	 * One ellipse in preview pixels: centre from the top left, semi-axes, SVG rotation.
	 */
	private static Map<String, Object> ellipse(JsonNode item, @Nullable WorldCoordinates wcs, int factor, int height,
			double sizeToPixels) {
		double x = item.get("x").asDouble();
		double y = item.get("y").asDouble();
		double north = 0;
		if (wcs != null) {
			double angle = wcs.yAxisPositionAngleDeg(x, y);
			north = Double.isFinite(angle) ? angle : 0;
		}
		Map<String, Object> ellipse = new LinkedHashMap<>();
		ellipse.put("name", item.path("name").asString(""));
		ellipse.put("x", round((x + 0.5) / factor));
		ellipse.put("y", round(height - (y + 0.5) / factor));
		ellipse.put("rx", round(Math.max(2, item.path("bmaj").asDouble(0) * sizeToPixels / factor) / 2));
		ellipse.put("ry", round(Math.max(2, item.path("bmin").asDouble(0) * sizeToPixels / factor) / 2));
		ellipse.put("angle", round(-(item.path("pa").asDouble(0) - north + 90)));
		return ellipse;
	}

	private JsonNode readCatalog(Job job) throws IOException {
		Path file;
		try {
			file = this.outputs.output(job, JobOutputs.COMPONENTS_JSON);
		}
		catch (ApiException ex) {
			file = this.outputs.output(job, JobOutputs.ISLANDS_JSON);
		}
		try (InputStream in = Files.newInputStream(file)) {
			return this.json.readTree(in);
		}
	}

	/** Width and height from a PNG's header, without decoding it. */
	static int[] pngSize(Path png) throws IOException {
		byte[] head = new byte[24];
		try (InputStream in = Files.newInputStream(png)) {
			if (in.readNBytes(head, 0, head.length) < head.length || head[1] != 'P' || head[12] != 'I') {
				throw ApiException.notFound("The preview of this job is not a PNG image");
			}
		}
		ByteBuffer buffer = ByteBuffer.wrap(head);
		return new int[] { buffer.getInt(16), buffer.getInt(20) };
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
