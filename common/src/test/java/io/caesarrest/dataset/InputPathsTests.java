package io.caesarrest.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InputPathsTests {

	@TempDir
	Path dir;

	@Test
	void anUploadedFileIsReadFromItsDirectory() throws IOException {
		Path upload = Files.writeString(Files.createDirectories(this.dir.resolve("data/alice")).resolve("a.fits"), "x");
		assertThat(InputPaths.of(upload)).containsExactly(this.dir.resolve("data/alice"));
	}

	@Test
	void aDatasetIsReadFromItsListsDirectoryAndTheDirectoriesOfTheFilesItNames() throws IOException {
		Path lists = Files.createDirectories(this.dir.resolve("lists"));
		Path cutouts = Files.createDirectories(this.dir.resolve("survey/cutouts"));
		Path nested = Files.createDirectories(this.dir.resolve("survey/cutouts/field2"));
		Path features = Files.createDirectories(this.dir.resolve("features"));
		Files.writeString(cutouts.resolve("a.fits"), "a");
		Files.writeString(nested.resolve("b.fits"), "b");
		Files.writeString(features.resolve("f.dat"), "f");
		Path list = Files.writeString(lists.resolve("set.json"), """
				{"data": [
				  {"filepaths": ["%s", "%s"], "sname": "a", "label": "/not/a/path/at/all"},
				  {"filepaths": ["%s"], "sname": "b"}
				], "features": "%s", "n": 3}
				""".formatted(cutouts.resolve("a.fits"), nested.resolve("b.fits"), this.dir.resolve("gone/x.fits"),
				features.resolve("f.dat")));
		assertThat(InputPaths.of(list)).containsExactly(features, lists, cutouts);
	}

	@Test
	void aListThatIsNotJsonOnlyGivesItsDirectory() throws IOException {
		Path list = Files.writeString(this.dir.resolve("broken.json"), "{\"data\": [\"/etc/passwd\"");
		assertThat(InputPaths.of(list)).contains(this.dir);
	}

}
