package io.caesarrest.finder.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code find} command in a new JVM, as the service does, and returns the wall
 * time the command reports (from reading the FITS to writing the outputs, so JIT warm-up
 * included).
 */
final class ColdRun {

	private static final Pattern SECONDS = Pattern.compile(", ([0-9.]+) s \\{");

	private ColdRun() {
	}

	static String seconds(Path image, Path outDir, String jvmOption) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m"));
		if (!jvmOption.isEmpty()) {
			command.add(jvmOption);
		}
		command.addAll(
				List.of("-cp", System.getProperty("java.class.path"), "io.caesarrest.finder.cli.SourceFinderCommand",
						"find", "--inputfile=" + image, "--outdir=" + outDir, "--id=cold"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		Matcher matcher = SECONDS.matcher(output);
		return matcher.find() ? matcher.group(1) + " s" : "failed: " + output.strip();
	}

}
