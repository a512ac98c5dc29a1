package io.caesarrest.finder.simulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes the truth catalog CSV:
 * {@code id,x,y,ra,dec,peak_flux,int_flux,snr,major,minor,pa,kind}.
 */
public final class TruthCatalog {

	private static final String HEADER = "id,x,y,ra,dec,peak_flux,int_flux,snr,major,minor,pa,kind";

	private TruthCatalog() {
	}

	/**
	 * Writes a truth catalog.
	 * @param path the CSV file
	 * @param sources the sources
	 */
	public static void write(Path path, List<TruthSource> sources) {
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8))) {
			out.println(HEADER);
			for (TruthSource s : sources) {
				out.println(String.format(Locale.ROOT, "%d,%.4f,%.4f,%.8f,%.8f,%.6e,%.6e,%.4f,%.4f,%.4f,%.2f,%s",
						s.id(), s.x(), s.y(), s.ra(), s.dec(), s.peakFlux(), s.intFlux(), s.snr(), s.major(), s.minor(),
						s.pa(), s.kind()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a truth catalog.
	 * @param path the CSV file
	 * @return the sources
	 */
	public static List<TruthSource> read(Path path) {
		try {
			List<TruthSource> sources = new ArrayList<>();
			for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
				if (line.isBlank() || line.startsWith("id,")) {
					continue;
				}
				String[] f = line.split(",");
				sources.add(new TruthSource(Integer.parseInt(f[0]), d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]),
						d(f[6]), d(f[7]), d(f[8]), d(f[9]), d(f[10]), f[11].trim()));
			}
			return sources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static double d(String text) {
		return Double.parseDouble(text.trim());
	}

}
