package io.caesarrest.app;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
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
		App app = new App(
				"sx", null, null, new AppInput(null, "{path}", InputPosition.FIRST), new AppLaunch(null, null, null,
						List.of("/usr/bin/source-extractor"), List.of("-CATALOG_TYPE", "ASCII_HEAD")),
				null, null, null, List.of(), null);
		assertThat(app.commandLine(validate(app, "{}"), Path.of("/d/x y.fits")))
			.containsExactly("/usr/bin/source-extractor", "/d/x y.fits", "-CATALOG_TYPE", "ASCII_HEAD");
	}

	@Test
	void describesSextractorAsANativePairStyleApp() {
		App sextractor = catalog.find("sextractor").orElse(null);
		assumeTrue(sextractor != null, "source-extractor is not installed");
		ValidatedOptions options = validate(sextractor, "{\"detect-thresh\":3,\"filter\":\"N\"}");
		List<String> argv = sextractor.commandLine(options, Path.of("/d/img.fits"));
		assertThat(argv.subList(0, 2)).containsExactly("/usr/bin/source-extractor", "/d/img.fits");
		assertThat(argv).endsWith("-DETECT_THRESH", "3.0", "-FILTER", "N");
	}

	private ValidatedOptions validate(App app, String options) {
		return this.validator.validate(app, this.json.readTree(options));
	}

}
