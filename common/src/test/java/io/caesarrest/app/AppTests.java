package io.caesarrest.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AppTests {

	private static final AppCatalog catalog = new AppCatalog(null);

	private final JobOptionsValidator validator = new JobOptionsValidator();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void buildsTheCaesarCommandLineOfTheReadmeExample() {
		App caesar = catalog.find("caesar").orElseThrow();
		ValidatedOptions options = validate(caesar,
				"{\"run\":true,\"no-logredir\":true,\"no-mpi\":true,\"no-nestedsearch\":true,\"no-extendedsearch\":true}");
		assertThat(caesar.commandLine(options, Path.of("/opt/caesar-rest/data/anonymous/39ca.fits"))).containsExactly(
				"--run", "--save-summaryplot", "--save-regions", "--save-catalog-to-json", "--no-nestedsearch",
				"--no-extendedsearch", "--no-logredir", "--no-mpi",
				"--inputfile=/opt/caesar-rest/data/anonymous/39ca.fits");
	}

	@Test
	void passesTheMrcnnInputAsImageAfterItsFixedArguments() {
		App mrcnn = catalog.find("mrcnn").orElseThrow();
		ValidatedOptions options = validate(mrcnn, "{\"scoreThr\":0.5}");
		assertThat(mrcnn.commandLine(options, Path.of("/data/a.fits"))).containsExactly("--runmode=detect",
				"--weights=/opt/Software/MaskR-CNN/install/share/mrcnn_weights.h5", "--scoreThr=0.5",
				"--image=/data/a.fits");
	}

	@Test
	void keepsAnInputPathWithSpacesAsOneArgument() {
		App umap = catalog.find("umap").orElseThrow();
		List<String> argv = umap.commandLine(validate(umap, "{}"), Path.of("/data/my feats $(x).json"));
		assertThat(argv).containsExactly("--run", "--inputfile=/data/my feats $(x).json");
	}

	@Test
	void startsNativeAppsWithTheirCommandAndCanPutTheInputFirst() {
		App app = AppFixtures.app("sx")
			.input(new AppInput(null, "{path}", InputPosition.FIRST))
			.command(List.of("/usr/bin/source-extractor"), List.of("-CATALOG_TYPE", "ASCII_HEAD"))
			.build();
		assertThat(app.commandLine(validate(app, "{}"), Path.of("/d/x y.fits")))
			.containsExactly("/usr/bin/source-extractor", "/d/x y.fits", "-CATALOG_TYPE", "ASCII_HEAD");
	}

	@Test
	void describesSextractorAsANativePairStyleApp() {
		App sextractor = catalog.find("sextractor").orElse(null);
		assumeTrue(sextractor != null, "source-extractor is not installed");
		ValidatedOptions options = validate(sextractor, "{\"detect-thresh\":3,\"filter\":\"N\"}");
		List<String> argv = sextractor.commandLine(options, Path.of("/d/img.fits"));
		assertThat(argv.get(0)).isEqualTo("/bin/sh");
		assertThat(argv.subList(3, 5)).containsExactly("sextractor", "/d/img.fits");
		assertThat(argv).endsWith("-DETECT_THRESH", "3.0", "-FILTER", "N");
	}

	@Test
	void runsSextractorOutOfTheBoxOnASampleImage(@TempDir Path jobDir) throws Exception {
		App sextractor = catalog.find("sextractor").orElse(null);
		assumeTrue(sextractor != null, "source-extractor is not installed");
		Path image = Path.of(System.getProperty("caesar.shared-data", "../../shared/data"), "1904-66_SIN.fits");
		assumeTrue(Files.isRegularFile(image), "the shared sample images are not there");
		List<String> argv = sextractor.commandLine(validate(sextractor, "{\"detect-thresh\":5}"),
				image.toAbsolutePath());
		Process process = new ProcessBuilder(argv).directory(jobDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(jobDir.resolve("job.log").toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(Files.readString(jobDir.resolve("job.log"))).isZero();
		List<String> catalogLines = Files.readAllLines(jobDir.resolve("catalog-sextractor.dat"));
		assertThat(catalogLines).first().asString().contains("NUMBER");
		assertThat(catalogLines).anyMatch((line) -> !line.startsWith("#"));
	}

	private ValidatedOptions validate(App app, String options) {
		return this.validator.validate(app, this.json.readTree(options));
	}

}
