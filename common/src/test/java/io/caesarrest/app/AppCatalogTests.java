package io.caesarrest.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AppCatalogTests {

	private static final String[] README_APPS = { "caesar", "mrcnn", "aegean", "cutex", "classifier-cnn",
			"featextractor-simclr", "umap", "outlier-finder", "hdbscan", "similarity-search" };

	@TempDir
	Path siteDir;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void listsTheReadmeAppsFirstInReadmeOrder() {
		AppCatalog catalog = new AppCatalog(null);
		assertThat(catalog.apps()).extracting(App::name).startsWith(README_APPS);
		assertThat(catalog.apps().get(README_APPS.length).name()).isEqualTo("sfinder");
		assertThat(catalog.apps().subList(README_APPS.length + 1, catalog.apps().size())).extracting(App::name)
			.isSorted();
	}

	@Test
	void loadsTheFullOptionListsOfTheOriginalApps() {
		AppCatalog catalog = new AppCatalog(null);
		assertThat(catalog.find("caesar").orElseThrow().options()).filteredOn((option) -> !option.forced())
			.hasSize(156);
		assertThat(catalog.find("aegean").orElseThrow().options()).filteredOn((option) -> !option.forced()).hasSize(9);
		assertThat(catalog.find("classifier-cnn").orElseThrow().options()).filteredOn((option) -> !option.forced())
			.hasSize(17);
		assertThat(catalog.find("mrcnn").orElseThrow().options()).hasSize(2);
	}

	@Test
	void readsLaunchResourcesAndOutputs() {
		App caesar = new AppCatalog(null).find("caesar").orElseThrow();
		assertThat(caesar.launch().image()).isEqualTo("sriggi/caesar-job:latest");
		assertThat(caesar.launch().singularity()).isEqualTo("/opt/containers/caesar/caesar-job_latest.sif");
		assertThat(caesar.launch().command()).containsExactly("SFinderSubmitter.sh");
		assertThat(caesar.launch().isNative()).isFalse();
		assertThat(caesar.resources().maxRunTime()).isEqualTo(Duration.ofHours(24));
		assertThat(caesar.resources().memoryBytes()).isEqualTo(4L * 1024 * 1024 * 1024);
		assertThat(caesar.runOptions().coresOption()).isEqualTo("nthreads");
		assertThat(caesar.outputs().islandsJson()).isEqualTo("catalog-*.json");
		assertThat(caesar.input().kinds()).containsExactly(InputKind.FILE);
	}

	@Test
	void acceptsEveryAdvertisedDefault() {
		JobOptionsValidator validator = new JobOptionsValidator();
		for (App app : new AppCatalog(null).apps()) {
			ObjectNode defaults = JsonNodeFactory.instance.objectNode();
			app.options()
				.stream()
				.filter((option) -> option.defaultValue() != null)
				.forEach((option) -> defaults.putPOJO(option.name(), option.defaultValue()));
			ValidatedOptions options = validator.validate(app, this.json.valueToTree(defaults));
			assertThat(options.values()).as(app.name()).hasSize(defaults.size());
		}
	}

	@Test
	void findsNoUnknownApp() {
		assertThat(new AppCatalog(null).find("nope")).isEmpty();
	}

	@Test
	void siteDirectoryOverridesAnAppAndAddsAnother() throws IOException {
		write("umap.yaml", """
				name: umap
				description: site umap
				order: 7
				launch: {image: "site/umap:1"}
				""");
		write("zz-local.yaml", """
				name: zz-local
				launch: {native: ["/bin/true"]}
				options:
				  - {name: level, type: int, default: 1, min: 0, max: 3}
				""");
		write("notes.txt", "not a descriptor");
		AppCatalog catalog = new AppCatalog(this.siteDir);
		App umap = catalog.find("umap").orElseThrow();
		assertThat(umap.description()).isEqualTo("site umap");
		assertThat(umap.launch().image()).isEqualTo("site/umap:1");
		assertThat(umap.options()).isEmpty();
		assertThat(catalog.apps()).extracting(App::name).contains("zz-local").last().isEqualTo("zz-local");
		assertThat(catalog.apps()).extracting(App::name).startsWith(README_APPS);
	}

	@Test
	void hidesAnAppWhosePathDoesNotExist() throws IOException {
		write("ghost.yaml", """
				name: ghost
				launch: {native: ["/no/such/ghost"]}
				enabled-if-exists: /no/such/ghost
				""");
		write("here.yaml", """
				name: here
				launch: {native: ["/bin/sh"]}
				enabled-if-exists: %s
				""".formatted(this.siteDir));
		AppCatalog catalog = new AppCatalog(this.siteDir);
		assertThat(catalog.find("ghost")).isEmpty();
		assertThat(catalog.find("here")).isPresent();
	}

	@Test
	void offersSextractorOnlyWhereItIsInstalled() {
		boolean installed = Files.exists(Path.of("/usr/bin/source-extractor"));
		assertThat(new AppCatalog(null).find("sextractor").isPresent()).isEqualTo(installed);
	}

	@Test
	void rejectsMalformedYamlNamingTheFile() throws IOException {
		Path file = write("broken.yaml", "name: broken\noptions: [ {name: x, type: int\n");
		assertThatExceptionOfType(InvalidAppDescriptorException.class).isThrownBy(() -> new AppCatalog(this.siteDir))
			.withMessageContaining(file.toString());
	}

	@Test
	void rejectsAnUnknownTypeNamingTheFileAndField() throws IOException {
		Path file = write("bad-type.yaml", """
				name: bad-type
				launch: {image: x}
				options:
				  - {name: a, type: none}
				  - {name: b, type: integer}
				""");
		assertThatExceptionOfType(InvalidAppDescriptorException.class).isThrownBy(() -> new AppCatalog(this.siteDir))
			.withMessageContaining(file.toString())
			.withMessageContaining("options[1].type");
	}

	@Test
	void rejectsAnUnknownField() throws IOException {
		write("extra.yaml", "name: extra\nlaunch: {image: x}\ncolour: blue\n");
		assertThatExceptionOfType(InvalidAppDescriptorException.class).isThrownBy(() -> new AppCatalog(this.siteDir))
			.withMessageContaining("colour");
	}

	@Test
	void rejectsDescriptorsBreakingTheSchemaRulesListingEveryField() throws IOException {
		write("rules.yaml", """
				name: rules
				launch: {image: x}
				input: {arg: "--in=file"}
				options:
				  - {name: mode, type: str, default: C, values: [A, B]}
				  - {name: size, type: int, default: 2.5, min: 0, max: 10}
				  - {name: ratio, type: float, min: 1.0, max: 0.0}
				  - {name: level, type: int, default: 20, min: 0, max: 10}
				  - {name: mode, type: none}
				  - {name: flagged, type: none, default: true}
				""");
		assertThatExceptionOfType(InvalidAppDescriptorException.class).isThrownBy(() -> new AppCatalog(this.siteDir))
			.withMessageContaining("rules.yaml")
			.withMessageContaining("input.arg")
			.withMessageContaining("options[0] (mode).default")
			.withMessageContaining("options[1] (size).default")
			.withMessageContaining("options[2] (ratio).min")
			.withMessageContaining("options[3] (level).default")
			.withMessageContaining("options[4] (mode).name")
			.withMessageContaining("options[5] (flagged).type");
	}

	@Test
	void rejectsADescriptorWithoutLaunch() throws IOException {
		write("nolaunch.yaml", "name: nolaunch\n");
		assertThatExceptionOfType(InvalidAppDescriptorException.class).isThrownBy(() -> new AppCatalog(this.siteDir))
			.withMessageContaining("nolaunch.yaml")
			.withMessageContaining("launch");
	}

	@Test
	void rejectsAMissingSiteDirectory() {
		assertThatExceptionOfType(InvalidAppDescriptorException.class)
			.isThrownBy(() -> new AppCatalog(this.siteDir.resolve("missing")));
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.siteDir.resolve(name), content);
	}

}
