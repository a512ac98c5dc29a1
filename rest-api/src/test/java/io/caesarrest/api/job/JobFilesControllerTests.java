package io.caesarrest.api.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log tail: the last lines, read from the end of the file only.
 */
class JobFilesControllerTests {

	@TempDir
	Path dir;

	@Test
	void tailsTheLastLines() throws IOException {
		Path log = Files.writeString(this.dir.resolve("a.log"), "one\ntwo\nthree\n");
		assertThat(JobFilesController.tail(log, 2)).isEqualTo("two\nthree\n");
		assertThat(JobFilesController.tail(log, 10)).isEqualTo("one\ntwo\nthree\n");
	}

	@Test
	void keepsAnUnfinishedLastLine() throws IOException {
		Path log = Files.writeString(this.dir.resolve("b.log"), "one\ntwo\npartial");
		assertThat(JobFilesController.tail(log, 2)).isEqualTo("two\npartial\n");
	}

	@Test
	void readsOnlyTheEndOfALargeLogAndDropsTheCutLine() throws IOException {
		String line = "x".repeat(99) + "\n";
		Path log = Files.writeString(this.dir.resolve("c.log"), line.repeat(30_000) + "last\n");
		String tail = JobFilesController.tail(log, 10_000);
		assertThat(tail).endsWith("x\nlast\n");
		assertThat(tail.split("\n")).allMatch((l) -> l.equals("last") || l.length() == 99);
		assertThat(tail.length()).isLessThanOrEqualTo(1 << 20);
	}

	@Test
	void answersEmptyForAnEmptyLog() throws IOException {
		assertThat(JobFilesController.tail(Files.createFile(this.dir.resolve("d.log")), 5)).isEmpty();
	}

}
