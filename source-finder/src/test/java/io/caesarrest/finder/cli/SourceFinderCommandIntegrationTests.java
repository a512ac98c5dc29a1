package io.caesarrest.finder.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the command line in a new JVM, as the service does, and checks exit codes and
 * stderr.
 */
class SourceFinderCommandIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void exitsWithZeroAfterWritingCatalogs() throws Exception {
		Path image = this.dir.resolve("sky.fits");
		assertThat(run("simulate", "--outfile=" + image, "--truth=" + this.dir.resolve("t.csv"), "--size=128").exit())
			.isZero();
		Result result = run("find", "--inputfile=" + image, "--outdir=" + this.dir.resolve("out"), "--id=it");
		assertThat(result.exit()).isZero();
		assertThat(result.stdout()).contains("sources");
		assertThat(this.dir.resolve("out").resolve("catalog-it.json")).isNotEmptyFile();
	}

	@Test
	void exitsWithNonZeroAndOneLineMessageForCube() throws Exception {
		Path cube = this.dir.resolve("cube.fits");
		try (Fits fits = new Fits()) {
			fits.addHDU(Fits.makeHDU(new float[2][8][8]));
			fits.write(cube.toFile());
		}
		Result result = run("find", "--inputfile=" + cube, "--outdir=" + this.dir.resolve("out"));
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.stderr().strip().lines()).singleElement().asString().contains("cube");
	}

	private Result run(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), SourceFinderCommand.class.getName()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectOutput(this.dir.resolve("stdout.txt").toFile())
			.redirectError(this.dir.resolve("stderr.txt").toFile())
			.start();
		int exit = process.waitFor();
		return new Result(exit, Files.readString(this.dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
				Files.readString(this.dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
	}

	private record Result(int exit, String stdout, String stderr) {
	}

}
