package io.caesarrest.api.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.caesarrest.api.ApiClient;
import io.caesarrest.api.TestApps;
import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import io.caesarrest.job.JobState;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in a real headless Chromium against the all-in-one service on a random port,
 * without authentication (the quick start): upload a simulated sky, run the built-in
 * finder from its generated form, follow the job live, open its page, see the overlay and
 * the catalog, download the archive.
 */
@EnabledIf(value = "io.caesarrest.api.ui.Browser#installed", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UiBrowserIntegrationTests {

	@TempDir
	static Path home;

	static Browser browser;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("caesar.home", () -> home.toString());
		registry.add("caesar.apps.dir", TestApps::dir);
	}

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	String page(String hash) {
		return "http://127.0.0.1:" + this.port + "/" + hash;
	}

	@Test
	void runsTheSourceFinderFromUploadToCatalogWithoutReloading() throws IOException {
		Path sky = home.resolve("sky.fits");
		SkySimulator.simulate(SimulationOptions.defaults(512, 3), sky, home.resolve("sky-truth.csv"), 1);

		assertThat(
				ApiClient.json(new ApiClient(this.port, "").get("/ui/config")).get("auth").get("enabled").asBoolean())
			.isFalse();
		browser.open(page(""));
		assertThat(browser.present("#file-input[type=file]").getAttribute("multiple")).isNotNull();
		browser.present("#file-input").sendKeys(sky.toString());
		browser.find(".upload.done");
		WebElement fileRow = browser.find("#files-table tbody tr[data-uuid]");
		assertThat(fileRow.getText()).contains("sky.fits").contains("512 × 512");
		String uuid = fileRow.getAttribute("data-uuid");
		browser.screenshot("files");

		browser.click("a[data-nav=apps]");
		assertThat(browser.find("#app-list").getText()).contains("sfinder", "caesar", "testapp");
		browser.click("#app-list a[href='#/apps/sfinder']");
		WebElement seed = browser.find("#opt-seedthr");
		assertThat(seed.getAttribute("max")).isEqualTo("100");
		assertThat(browser.find("label[for=opt-seedthr]").getText()).contains("seedthr").contains("float");
		assertThat(browser.find("#help-opt-seedthr").getText()).contains("Default 5.").contains("Range 1 to 100");
		assertThat(browser.find("#data-input").getAttribute("value")).isEqualTo(uuid);
		seed.sendKeys("500");
		browser.click("#submit-job");
		String error = browser.await((d) -> nonBlank(browser.find("#err-opt-seedthr").getText()));
		assertThat(error).contains("out of range");
		assertThat(seed.getAttribute("aria-invalid")).isEqualTo("true");
		browser.screenshot("app-form");

		seed.clear();
		browser.find("#opt-nthreads").sendKeys("2");
		browser.find("#job-tag").sendKeys("browser run");
		browser.click("#submit-job");
		String jobId = browser.await((d) -> {
			String url = d.getCurrentUrl();
			return url.matches(".*#/jobs/[0-9a-f]{32}$") ? url.substring(url.length() - 32) : null;
		});

		browser.click("a[data-nav=jobs]");
		browser.script("window.notReloaded = true");
		String row = "#jobs-table tr[data-job='" + jobId + "']";
		browser.find(row + "[data-state=SUCCESS]");
		assertThat(browser.script("return window.notReloaded")).isEqualTo(true);
		assertThat(browser.find(row).getText()).contains("sfinder", "browser run", "SUCCESS");
		browser.screenshot("jobs");

		browser.click(row + " a.job-link");
		assertThat(browser.driver.getCurrentUrl()).endsWith("/#/jobs/" + jobId);
		ApiClient api = new ApiClient(this.port);
		int sources = ApiClient.json(api.get("/job/" + jobId + "/sources")).get("sources").size();
		int components = ApiClient.json(api.get("/job/" + jobId + "/source-components")).get("components").size();
		assertThat(sources).isGreaterThan(10);
		browser.await((d) -> (Boolean) browser
			.script("const i = document.getElementById('preview-image'); return i !== null && i.naturalWidth > 0"));
		browser.await((d) -> browser.all("#overlay ellipse").size() == components);
		assertThat(browser.find("#sources-table caption").getText()).isEqualTo("Sources (" + sources + ")");
		assertThat(sourceNames()).hasSize(sources).doesNotHaveDuplicates();
		assertThat(browser.find("#job-log").getText()).contains("sources");
		assertThat(browser.find("#job-options").getText()).contains("nthreads").contains("2");

		WebElement ellipse = browser.all("#overlay ellipse").get(0);
		new Actions(browser.driver).moveToElement(ellipse).perform();
		assertThat(browser.find("#source-info h3").getText()).isEqualTo(ellipse.getAttribute("data-name"));
		ellipse.sendKeys(Keys.ENTER);
		assertThat(browser.find("#components-table tr.highlight th").getText())
			.isEqualTo(ellipse.getAttribute("data-name"));
		browser.script("window.scrollTo(0, document.getElementById('preview-title').offsetTop - 10)");
		browser.screenshot("job");

		browser.click("#download-archive");
		Path archive = browser.downloads.resolve("job_" + jobId + ".tar.gz");
		browser.await((d) -> Files.exists(archive) && !Files.exists(Path.of(archive + ".crdownload")));
		assertThat(archiveEntries(archive)).contains("job_" + jobId + "/catalog-" + jobId + ".json",
				"job_" + jobId + "/regions-" + jobId + ".reg", "job_" + jobId + "/catalog-" + jobId + ".vot");
		assertThat(browser.find("#download-votable").getAttribute("href")).endsWith(".vot");
		assertThat(browser.find("#download-regions").getAttribute("href")).endsWith(".reg");
	}

	@Test
	void cancelsARunningJobFromTheListAndShowsUploadErrors() {
		ApiClient api = new ApiClient(this.port);
		browser.open(page("#/files"));
		browser.find("#dropzone");
		// a drop of a file that is not FITS: the server's refusal shows beside the upload
		browser.script("""
				const data = new DataTransfer();
				data.items.add(new File(['not a fits file'], 'bogus.fits'));
				document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', {dataTransfer: data,
				    bubbles: true, cancelable: true}));""");
		assertThat(browser.find(".upload.failed .upload-status").getText()).containsIgnoringCase("fits");

		String file = api.uploadOk(writeFits(home.resolve("small.fits")), "small.fits");
		String jobId = api.submitOk("""
				{"app":"testapp","data_inputs":"%s","job_options":{"sleep":120}}""".formatted(file));
		browser.open(page("#/jobs"));
		String row = "#jobs-table tr[data-job='" + jobId + "']";
		browser.click(row + " button.danger");
		browser.find(row + "[data-state=CANCELED]");
		assertThat(api.status(jobId).get("state").asString()).isEqualTo(JobState.CANCELED.label());
		api.awaitState(jobId, Duration.ofSeconds(5), JobState.CANCELED);
	}

	private List<String> sourceNames() {
		List<String> names = new ArrayList<>();
		for (;;) {
			browser.all("#sources-table tbody tr").forEach((tr) -> names.add(tr.getAttribute("data-key")));
			WebElement next = browser.driver.findElement(By.cssSelector("#sources-table .pager button:last-child"));
			if (!next.isEnabled()) {
				return names;
			}
			String status = browser.find("#sources-table .pager-status").getText();
			next.click();
			browser.await((d) -> !browser.find("#sources-table .pager-status").getText().equals(status));
		}
	}

	private static String nonBlank(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	private static Path writeFits(Path file) {
		try {
			return io.caesarrest.api.TestFits.write(file, 2880, 1);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static List<String> archiveEntries(Path archive) throws IOException {
		List<String> entries = new ArrayList<>();
		try (InputStream in = Files.newInputStream(archive);
				TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				entries.add(entry.getName());
			}
		}
		return entries;
	}

}
