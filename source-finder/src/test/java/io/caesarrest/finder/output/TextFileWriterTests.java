package io.caesarrest.finder.output;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TextFileWriterTests {

	@TempDir
	Path dir;

	@Test
	void writesTextLongerThanItsBufferAsUtf8() throws Exception {
		Path file = this.dir.resolve("catalog.txt");
		StringBuilder expected = new StringBuilder();
		try (PrintWriter out = new PrintWriter(new TextFileWriter(file))) {
			for (int i = 0; i < 20000; i++) {
				String line = "row " + i + ((i % 1000 == 0) ? " image \u00e9t\u00e9 \u2033 \ud83d\udd2d" : "");
				out.println(line);
				expected.append(line).append(System.lineSeparator());
			}
			out.append("end");
			expected.append("end");
		}
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
	}

}
