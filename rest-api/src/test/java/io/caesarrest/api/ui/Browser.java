package io.caesarrest.api.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The system's headless Chromium driven through its WebDriver (Debian's {@code chromium}
 * and {@code chromium-driver}), one per test class; tests are skipped, saying why, where
 * either is missing.
 */
final class Browser implements AutoCloseable {

	static final Duration WAIT = Duration.ofSeconds(90);

	private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

	private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

	final WebDriver driver;

	final Path downloads;

	private final Path profile;

	private Browser(WebDriver driver, Path downloads, Path profile) {
		this.driver = driver;
		this.downloads = downloads;
		this.profile = profile;
	}

	static final String MISSING = "browser tests skipped: no chromium and chromedriver here "
			+ "(apt-get install chromium chromium-driver)";

	/** Whether Chromium and its driver are installed, for {@code @EnabledIf}. */
	static boolean installed() {
		return first("caesar.test.chromium", CHROMIUM) != null && first("caesar.test.chromedriver", DRIVER) != null;
	}

	/** Starts Chromium, or skips the calling test class when it is not installed. */
	static Browser start() throws IOException {
		String chromium = first("caesar.test.chromium", CHROMIUM);
		String chromedriver = first("caesar.test.chromedriver", DRIVER);
		assumeTrue(chromium != null && chromedriver != null, MISSING);
		Path downloads = Files.createTempDirectory("ui-downloads");
		Path profile = Files.createTempDirectory("ui-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		// the flags a root user on a closed network needs: no sandbox, no calls home
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1366,860", "--user-data-dir=" + profile);
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "safebrowsing.enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), downloads, profile);
	}

	/** The executable named by a system property, else the first installed candidate. */
	private static String first(String property, List<String> candidates) {
		String given = System.getProperty(property);
		return ((given != null) ? List.of(given) : candidates).stream()
			.filter((p) -> Files.isExecutable(Path.of(p)))
			.findFirst()
			.orElse(null);
	}

	void open(String url) {
		this.driver.get(url);
	}

	// the live job list redraws its rows: an element found a moment ago may be gone
	<T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, WAIT).pollingEvery(Duration.ofMillis(100))
			.ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	/** Clicks the first shown element, finding it again if the page redrew it. */
	void click(String css) {
		await((d) -> {
			WebElement element = d.findElements(By.cssSelector(css))
				.stream()
				.filter(WebElement::isDisplayed)
				.findFirst()
				.orElse(null);
			if (element == null) {
				return null;
			}
			element.click();
			return true;
		});
	}

	WebElement find(String css) {
		return await((d) -> d.findElements(By.cssSelector(css))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null));
	}

	/** An element present in the page, shown or not (a visually hidden file input). */
	WebElement present(String css) {
		return await((d) -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/**
	 * Saves a screenshot into {@code target/ui-screenshots}, and into the project's
	 * {@code docs/ui} when {@code -Dcaesar.ui.update-screenshots=true}.
	 */
	void screenshot(String name) {
		byte[] png = ((ChromeDriver) this.driver).getScreenshotAs(OutputType.BYTES);
		try {
			Path target = Files.createDirectories(Path.of("target", "ui-screenshots"));
			Files.write(target.resolve(name + ".png"), png);
			Path docs = Path.of("..", "docs", "ui");
			if (Boolean.getBoolean("caesar.ui.update-screenshots") && Files.isDirectory(docs.getParent())) {
				Files.write(Files.createDirectories(docs).resolve(name + ".png"), png);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
		org.springframework.util.FileSystemUtils.deleteRecursively(this.profile.toFile());
	}

}
