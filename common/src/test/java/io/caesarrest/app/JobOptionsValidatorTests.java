package io.caesarrest.app;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JobOptionsValidatorTests {

	private static final AppCatalog catalog = new AppCatalog(null);

	private final JobOptionsValidator validator = new JobOptionsValidator();

	private final JsonMapper json = JsonMapper.builder().build();

	private final App caesar = catalog.find("caesar").orElseThrow();

	private final App umap = catalog.find("umap").orElseThrow();

	@Test
	void acceptsTheReadmeCaesarExampleInDescriptorOrder() {
		ValidatedOptions options = validate(this.caesar,
				"{\"run\":true,\"no-logredir\":true,\"no-mpi\":true,\"no-nestedsearch\":true,\"no-extendedsearch\":true}");
		assertThat(options.arguments()).containsExactly("--no-nestedsearch", "--no-extendedsearch", "--no-logredir",
				"--no-mpi");
		assertThat(options.values()).containsOnlyKeys("no-nestedsearch", "no-extendedsearch", "no-logredir", "no-mpi",
				"run");
		assertThat(options.cores()).isEqualTo(1);
		assertThat(options.procs()).isEqualTo(1);
	}

	@Test
	void appliesDefaultsWhenOptionsAreAbsentOrEmpty() {
		for (JsonNode absent : new JsonNode[] { null, JsonNodeFactory.instance.missingNode(),
				JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.objectNode() }) {
			ValidatedOptions options = this.validator.validate(this.caesar, absent);
			assertThat(options.arguments()).isEmpty();
			assertThat(options.values()).isEmpty();
		}
	}

	@Test
	void castsAndCodesValuesLikeTheOriginal() {
		ValidatedOptions options = validate(this.caesar, """
				{"nthreads":4,"nproc":"2","seedthr":"6","bkgestimator":"BiWeight","regionwcs":"GALACTIC",
				 "npixmin":7.0,"mergethr":2}""");
		assertThat(options.arguments()).containsExactly("--regionwcs=2", "--bkgestimator=3", "--npixmin=7",
				"--seedthr=6.0", "--mergethr=2.0", "--nproc=2", "--nthreads=4");
		assertThat(options.values()).containsEntry("bkgestimator", "BiWeight")
			.containsEntry("seedthr", 6.0)
			.containsEntry("npixmin", 7L)
			.containsEntry("nproc", 2L);
		assertThat(options.cores()).isEqualTo(4);
		assertThat(options.procs()).isEqualTo(2);
	}

	@Test
	void sizesTheJobAtLeastOneCore() {
		assertThat(validate(this.caesar, "{\"nthreads\":-1}").cores()).isEqualTo(1);
	}

	@Test
	void mapsOptionNamesToTheirCommandLineNames() {
		ValidatedOptions options = validate(this.umap, "{\"normalize_minmax\":true,\"nfeats\":3,\"mindist\":0.25}");
		assertThat(options.arguments()).containsExactly("--normalize", "--nfeats=3", "--mindist=0.25");
		assertThat(validate(this.umap, "{\"normalize\":true}").values()).containsEntry("normalize_minmax", true);
	}

	@Test
	void omitsFlagsGivenFalse() {
		ValidatedOptions options = validate(this.caesar, "{\"no-mpi\":false,\"fitsources\":true}");
		assertThat(options.arguments()).containsExactly("--fitsources");
		assertThat(options.values()).containsEntry("no-mpi", false);
	}

	@Test
	void reportsEveryUnknownOption() {
		assertThat(problems(this.caesar, "{\"foo\":1,\"seedthr\":5,\"bar\":true}"))
			.containsExactly("Unknown option 'foo'", "Unknown option 'bar'");
	}

	@Test
	void rejectsOptionsThatAreNotAnObject() {
		assertThat(problems(this.caesar, "[\"--run\"]"))
			.containsExactly("Job options must be a JSON object (got array)");
		assertThat(problems(this.caesar, "\"--run\"")).hasSize(1);
	}

	@Test
	void rejectsWrongTypes() {
		assertThat(problems(this.caesar, """
				{"no-mpi":"yes","npixmin":5.5,"xmin":"five","seedthr":[1],"bmaj":true,"loglevel":{"a":1},
				 "nthreads":null}""")).containsExactly("Option 'xmin' must be an integer (got \"five\")",
				"Option 'bmaj' must be a number (got true)", "Option 'npixmin' must be an integer (got 5.5)",
				"Option 'seedthr' must be a number (got [1])", "Option 'loglevel' must be a string (got {\"a\":1})",
				"Option 'no-mpi' is a flag: it must be true or false (got \"yes\")",
				"Option 'nthreads' must be an integer (got null)");
	}

	@Test
	void rejectsNonFiniteNumbers() {
		ObjectNode options = JsonNodeFactory.instance.objectNode();
		options.put("seedthr", Double.NaN);
		options.put("mergethr", "Infinity");
		assertThat(problems(this.caesar, options)).containsExactly("Option 'seedthr' must be a finite number (got NaN)",
				"Option 'mergethr' must be a finite number (got \"Infinity\")");
	}

	@Test
	void rejectsValuesOutOfRange() {
		assertThat(problems(this.umap, "{\"mindist\":2.0,\"nfeats\":600}")).containsExactly(
				"Option 'nfeats' = 600 is out of range [2, 512]", "Option 'mindist' = 2.0 is out of range [0.0, 1.0]");
		assertThat(validate(this.umap, "{\"mindist\":1.0,\"nfeats\":2}").arguments()).containsExactly("--nfeats=2",
				"--mindist=1.0");
	}

	@Test
	void rejectsValuesOutsideTheEnumeration() {
		assertThat(problems(this.caesar, "{\"bkgestimator\":\"biweight\"}")).containsExactly(
				"Option 'bkgestimator' value 'biweight' is not one of: Mean, Median, BiWeight, ClippedMedian");
	}

	@Test
	void convertsScalarsToTextForStringOptions() {
		ValidatedOptions options = validate(this.umap, "{\"selcols\":3,\"datalist-key\":true}");
		assertThat(options.arguments()).containsExactly("--datalist-key=true", "--selcols=3");
	}

	@Test
	void rejectsNulCharacters() {
		assertThat(problems(this.umap, "{\"selcols\":\"a\\u0000b\"}"))
			.containsExactly("Option 'selcols' must not contain NUL characters");
	}

	@Test
	void reportsAMissingMandatoryOption() {
		App app = AppFixtures.app("strict")
			.image("x")
			.options(option("level", OptionType.INT, true), option("verbose", OptionType.BOOL, false))
			.build();
		assertThat(problems(app, "{}")).containsExactly("Mandatory option 'level' is missing");
		assertThat(validate(app, "{\"level\":\"3\",\"verbose\":false}").arguments()).containsExactly("--level=3",
				"--verbose=false");
		assertThat(problems(app, "{\"level\":1,\"verbose\":\"no\"}"))
			.containsExactly("Option 'verbose' must be true or false (got \"no\")");
	}

	@Test
	void reportsSeveralProblemsInOneException() {
		assertThatExceptionOfType(InvalidJobOptionsException.class)
			.isThrownBy(() -> validate(this.umap, "{\"nope\":1,\"nfeats\":1,\"mindist\":\"x\"}"))
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(3))
			.withMessage("Invalid job options: Unknown option 'nope'; Option 'nfeats' = 1 is out of range [2, 512]; "
					+ "Option 'mindist' must be a number (got \"x\")");
	}

	@Test
	void keepsShellMetacharactersAsOneLiteralArgument() {
		String value = "x$(touch /tmp/pwned)'; rm -rf / #\"`id`";
		ObjectNode options = JsonNodeFactory.instance.objectNode().put("outfile-unsup", value);
		assertThat(this.validator.validate(this.umap, options).arguments()).containsExactly("--outfile-unsup=" + value);
	}

	@Test
	void writesPairStyleOptionsAsTwoArguments() {
		App sextractor = AppFixtures.app("sx")
			.command("/bin/sx")
			.options(new AppOption("detect-thresh", "DETECT_THRESH", OptionType.FLOAT, 1.5, 0, 100, null, null, null,
					false, false, null, null, false, null, ArgStyle.PAIR))
			.build();
		assertThat(validate(sextractor, "{\"detect-thresh\":3}").arguments()).containsExactly("-DETECT_THRESH", "3.0");
	}

	private static AppOption option(String name, OptionType type, boolean mandatory) {
		return new AppOption(name, null, type, null, null, null, null, null, null, mandatory, false, null, null, false,
				null, null);
	}

	private ValidatedOptions validate(App app, String options) {
		return this.validator.validate(app, this.json.readTree(options));
	}

	private List<String> problems(App app, String options) {
		return problems(app, this.json.readTree(options));
	}

	private List<String> problems(App app, JsonNode options) {
		try {
			this.validator.validate(app, options);
		}
		catch (InvalidJobOptionsException ex) {
			return ex.problems();
		}
		throw new AssertionError("Options were accepted: " + options);
	}

}
