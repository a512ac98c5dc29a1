package io.caesarrest.finder.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs SExtractor (Debian {@code source-extractor}) on an image with DETECT_THRESH 3 and
 * DETECT_MINAREA 5, keeping detections whose peak is at least a given number of sigma.
 */
final class SextractorRunner {

	private static final Pattern RMS = Pattern.compile("RMS:\\s*([0-9.eE+-]+)");

	private final Path workDir;

	SextractorRunner(Path workDir) {
		this.workDir = workDir;
	}

	static boolean available() {
		return Files.isExecutable(Path.of("/usr/bin/source-extractor"));
	}

	Result run(Path image, double beamAreaPixels, double peakSigma) throws IOException, InterruptedException {
		Path params = this.workDir.resolve("sex.param");
		Files.writeString(params, "X_IMAGE\nY_IMAGE\nFLUX_AUTO\nFLUX_MAX\nFLUX_ISO\n");
		Path catalog = this.workDir.resolve("sex.cat");
		Path log = this.workDir.resolve("sex.log");
		long start = System.nanoTime();
		Process process = new ProcessBuilder("source-extractor", image.toString(), "-c",
				"/usr/share/source-extractor/default.sex", "-PARAMETERS_NAME", params.toString(), "-FILTER_NAME",
				"/usr/share/source-extractor/default.conv", "-CATALOG_NAME", catalog.toString(), "-CATALOG_TYPE",
				"ASCII_HEAD", "-DETECT_THRESH", "3", "-DETECT_MINAREA", "5", "-CHECKIMAGE_TYPE", "NONE",
				"-VERBOSE_TYPE", "NORMAL")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IOException("source-extractor failed, see " + log);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double rms = rms(Files.readString(log, StandardCharsets.UTF_8));
		return new Result(detections(catalog, rms, beamAreaPixels, peakSigma), seconds, rms);
	}

	private static double rms(String log) {
		Matcher matcher = RMS.matcher(log);
		if (!matcher.find()) {
			throw new IllegalStateException("no background RMS in SExtractor output");
		}
		return Double.parseDouble(matcher.group(1));
	}

	private static List<Detection> detections(Path catalog, double rms, double beamArea, double peakSigma)
			throws IOException {
		List<Detection> detections = new ArrayList<>();
		for (String line : Files.readAllLines(catalog)) {
			if (line.startsWith("#") || line.isBlank()) {
				continue;
			}
			String[] f = line.trim().split("\\s+");
			double snr = Double.parseDouble(f[3]) / rms;
			if (snr >= peakSigma) {
				detections.add(new Detection(Double.parseDouble(f[0]) - 1, Double.parseDouble(f[1]) - 1,
						Double.parseDouble(f[2]) / beamArea, snr));
			}
		}
		return detections;
	}

	record Result(List<Detection> detections, double seconds, double rms) {
	}

}
