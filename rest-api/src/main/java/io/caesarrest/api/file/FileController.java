package io.caesarrest.api.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.caesarrest.api.caller.Callers;
import io.caesarrest.api.error.ApiException;
import io.caesarrest.api.listing.ListParameters;
import io.caesarrest.file.DataFile;
import io.caesarrest.file.DataFileRepository;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.OwnerSequences.OwnerPage;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import static io.caesarrest.api.CaesarRestApplication.API;

/**
 * The data file endpoints: upload, download, delete, list.
 */
@RestController
@RequestMapping(API)
class FileController {

	private static final MediaType FITS = MediaType.parseMediaType("application/fits");

	private final FileUploads uploads;

	private final DataFileRepository files;

	private final Callers callers;

	FileController(FileUploads uploads, DataFileRepository files, Callers callers) {
		this.uploads = uploads;
		this.files = files;
		this.callers = callers;
	}

	@PostMapping("/upload")
	Map<String, Object> upload(HttpServletRequest request) {
		Map<String, Object> body = view(this.uploads.receive(request, this.callers.current()));
		body.put("status", "File uploaded with success");
		return body;
	}

	/** The upload answer's fields of a stored file, without the status message. */
	private static Map<String, Object> view(DataFile file) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("date", file.uploadDate());
		body.put("filename_orig", file.originalName());
		body.put("format", file.format());
		body.put("size", file.sizeMiB());
		body.put("bytes", file.size());
		body.put("sha256", file.sha256());
		body.put("tag", file.tag());
		body.put("uuid", file.id());
		if (file.fits() != null) {
			body.put("fits", file.fits());
		}
		return body;
	}

	@RequestMapping(path = "/download/{uuid}", method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<Resource> download(@PathVariable String uuid) {
		DataFile file = find(uuid);
		Path path = Path.of(file.path());
		if (!Files.isRegularFile(path)) {
			throw notFound(uuid);
		}
		MediaType type = "fits".equals(file.format()) ? FITS
				: MediaTypeFactory.getMediaType(path.getFileName().toString())
					.orElse(MediaType.APPLICATION_OCTET_STREAM);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.originalName()).build().toString())
			.body(new FileSystemResource(path));
	}

	@RequestMapping(path = "/delete/{uuid}", method = { RequestMethod.GET, RequestMethod.POST })
	Map<String, Object> delete(@PathVariable String uuid) {
		DataFile file = find(uuid);
		this.files.delete(file.id());
		FileUploads.deleteQuietly(Path.of(file.path()));
		return Map.of("status", "File deleted and removed from DB");
	}

	@GetMapping("/fileids")
	ResponseEntity<Map<String, Object>> fileIds(@RequestParam Map<String, String> parameters) {
		return page(parameters, "file_ids", DataFile::id);
	}

	/** The caller's files with their metadata, paged like {@code /fileids}. */
	@GetMapping("/files")
	ResponseEntity<Map<String, Object>> files(@RequestParam Map<String, String> parameters) {
		return page(parameters, "files", FileController::view);
	}

	private ResponseEntity<Map<String, Object>> page(Map<String, String> parameters, String field,
			Function<DataFile, Object> view) {
		ListParameters list = ListParameters.of(parameters);
		if (list.state() != null || list.app() != null) {
			throw ApiException.badRequest("Files are filtered by tag, since and until only");
		}
		OwnerPage<DataFile> page = this.files.findByOwner(this.callers.current(), list.before(), list.limit(),
				list.filter((p, file) -> p.accepts(null, null, file.tag(), file.uploadDate())));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(field, page.items().stream().map(view).toList());
		if (page.next() != null) {
			body.put("next", page.next());
		}
		return ResponseEntity.ok().headers(ListParameters.nextPage(page.next())).body(body);
	}

	private DataFile find(String uuid) {
		if (!Ids.isId(uuid)) {
			throw notFound(uuid);
		}
		return this.files.findOwned(uuid, this.callers.current()).orElseThrow(() -> notFound(uuid));
	}

	private static ApiException notFound(String uuid) {
		return ApiException.notFound("File with uuid " + uuid + " not found on the system!");
	}

}
