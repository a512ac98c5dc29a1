package io.caesarrest.finder.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

class SourceFinderCommandTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void simulatesAndFindsWritingAllOutputs() throws Exception {
		Path image = this.dir.resolve("sky.fits");
		Path truth = this.dir.resolve("truth.csv");
		assertThat(run("simulate", "--outfile=" + image, "--truth=" + truth, "--size=256", "--seed=3")).isZero();
		Path outDir = this.dir.resolve("out");
		assertThat(run("find", "--inputfile=" + image, "--outdir=" + outDir, "--id=job1", "--seedthr=5",
				"--mergethr=2.6", "--nthreads=2", "--maxcomponents=3"))
			.isZero();
		assertThat(stdout()).contains("sources");
		for (String name : List.of("catalog-job1.json", "catalog-job1.dat", "catalog_fitcomp-job1.json",
				"catalog_fitcomp-job1.dat", "plot_job1.png", "regions-job1.reg", "catalog-job1.vot")) {
			assertThat(outDir.resolve(name)).isNotEmptyFile();
		}
		List<String> components = Files.readAllLines(outDir.resolve("catalog_fitcomp-job1.dat"));
		assertThat(components.get(0)).startsWith("# name island x y");
		int rows = components.size() - 2;
		assertThat(rows).isPositive();
		Document votable = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(outDir.resolve("catalog-job1.vot").toFile());
		assertThat(votable.getElementsByTagName("TR").getLength()).isEqualTo(rows);
		assertThat(Files.readAllLines(outDir.resolve("regions-job1.reg"))).filteredOn((l) -> l.startsWith("ellipse"))
			.hasSize(rows);
		String json = Files.readString(outDir.resolve("catalog-job1.json"));
		assertThat(json).contains("\"metadata\"", "\"sources\"", "\"peak_flux\"", "\"int_flux_err\"", "\"components\"",
				"\"noise_median\"");
		// the same order in every run, as documented, so that catalogs of two runs diff
		// cleanly
		assertThat(json).containsSubsequence("\"bmaj_arcsec\"", "\"bmin_arcsec\"", "\"bpa_deg\"", "\"area_pixels\"");
	}

	@Test
	void skipsOptionalOutputsOnRequest() {
		Path image = this.dir.resolve("sky.fits");
		run("simulate", "--outfile=" + image, "--truth=" + this.dir.resolve("t.csv"), "--size=128");
		Path outDir = this.dir.resolve("out");
		assertThat(run("find", "--inputfile=" + image, "--outdir=" + outDir, "--no-plot", "--no-regions",
				"--no-votable", "--no-fit"))
			.isZero();
		assertThat(outDir.resolve("catalog-sfinder.json")).exists();
		assertThat(outDir.resolve("plot_sfinder.png")).doesNotExist();
		assertThat(outDir.resolve("regions-sfinder.reg")).doesNotExist();
		assertThat(outDir.resolve("catalog-sfinder.vot")).doesNotExist();
	}

	@Test
	void failsWithOneLineMessageForCube() throws Exception {
		Path cube = this.dir.resolve("cube.fits");
		try (Fits fits = new Fits()) {
			fits.addHDU(Fits.makeHDU(new float[4][16][16]));
			fits.write(cube.toFile());
		}
		int code = run("find", "--inputfile=" + cube, "--outdir=" + this.dir.resolve("out"));
		assertThat(code).isNotZero();
		assertThat(stderr()).contains("cube").doesNotContain("Exception");
		assertThat(stderr().strip().lines()).hasSize(1);
	}

	@Test
	void rejectsBadArguments() {
		assertThat(run("find", "--inputfile=x.fits")).isEqualTo(2);
		assertThat(stderr()).contains("--outdir");
		assertThat(run("find", "--inputfile=x.fits", "--outdir=o", "--seedthr=abc")).isEqualTo(2);
		assertThat(run("find", "--inputfile=x.fits", "--outdir=o", "--seedthr=0.1")).isEqualTo(2);
		assertThat(run("find", "--inputfile=x.fits", "--outdir=o", "--bogus=1")).isEqualTo(2);
		assertThat(run("explode")).isEqualTo(2);
	}

	@Test
	void failsForMissingInputFile() {
		assertThat(run("find", "--inputfile=" + this.dir.resolve("missing.fits"), "--outdir=" + this.dir)).isEqualTo(1);
		assertThat(stderr()).contains("not found");
	}

	private int run(String... args) {
		this.err.reset();
		return SourceFinderCommand.execute(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String stdout() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String stderr() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
