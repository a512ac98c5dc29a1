package io.caesarrest.finder.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.caesarrest.finder.FinderOptions;
import io.caesarrest.finder.SourceFinder;
import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.catalog.CatalogSource;
import io.caesarrest.finder.catalog.SourceFlags;
import io.caesarrest.finder.fits.FitsImage;
import io.caesarrest.finder.fits.FitsImageReader;
import io.caesarrest.finder.wcs.SkyPosition;

/**
 * Compares sfinder's (and SExtractor's) catalog of a real image with a published one,
 * matched one to one within one beam FWHM on the sky, and sorts the unmatched sfinder
 * components: at the edge of the coverage (touching blank pixels or the border), a
 * secondary component within two beams of a brighter one of the same island, or an
 * isolated island.
 */
final class ReferenceComparison {

	private final Path work;

	ReferenceComparison(Path work) {
		this.work = work;
	}

	void compare(Path image, Path reference) throws Exception {
		ReferenceCatalog aegean = ReferenceCatalog.read(reference);
		Catalog catalog = SourceFinder
			.run(FinderOptions.defaults().withExtraOutputs(false), image, this.work.resolve("ref"), "ref")
			.catalog();
		double beamDeg = catalog.metadata().beamMajor() / 3600;
		List<CatalogComponent> components = new ArrayList<>();
		catalog.sources().forEach((s) -> components.addAll(s.components()));
		int[] match = aegean.match(components.stream().map((c) -> new SkyPosition(c.ra(), c.dec())).toList(), beamDeg);
		System.out.printf(Locale.ROOT, "%n### %s against the published catalog %s (%d components)%n",
				image.getFileName(), reference.getFileName(), aegean.entries().size());
		System.out.printf(Locale.ROOT,
				"sfinder: %d islands, %d components, seed %.2f σ (%s, false islands estimate %d), noise median %.4f, "
						+ "matched filter gain %.2f%n",
				catalog.sources().size(), components.size(), catalog.metadata().detection().seedThreshold(),
				catalog.metadata().detection().method(), catalog.metadata().detection().falseEstimate(),
				catalog.metadata().medianNoise(), catalog.metadata().detection().filterGain());
		summary("sfinder", match, aegean, components.stream().map(CatalogComponent::peakFlux).toList(),
				components.stream().map(CatalogComponent::intFlux).toList(),
				components.stream().map((c) -> new SkyPosition(c.ra(), c.dec())).toList());
		unmatched(catalog, components, match, beamDeg);
		if (SextractorRunner.available()) {
			sextractor(image, aegean, catalog.metadata().beamAreaPixels(), beamDeg);
		}
	}

	private void sextractor(Path image, ReferenceCatalog aegean, double beamArea, double beamDeg) throws Exception {
		FitsImage fits = new FitsImageReader().read(image);
		List<Detection> sex = new SextractorRunner(this.work).run(image, beamArea, 5).detections();
		List<SkyPosition> positions = sex.stream().map((d) -> fits.wcs().toSky(d.x(), d.y())).toList();
		int[] match = aegean.match(positions, beamDeg);
		System.out.printf(Locale.ROOT, "SExtractor (peak >= 5σ, positions through sfinder's WCS): %d detections%n",
				sex.size());
		summary("SExtractor", match, aegean, sex.stream().map((d) -> Double.NaN).toList(),
				sex.stream().map(Detection::intFlux).toList(), positions);
	}

	private static void summary(String finder, int[] match, ReferenceCatalog aegean, List<Double> peaks,
			List<Double> ints, List<SkyPosition> positions) {
		int matched = (int) Arrays.stream(match).filter((j) -> j >= 0).count();
		List<Double> peakRatios = new ArrayList<>();
		List<Double> intRatios = new ArrayList<>();
		List<Double> separations = new ArrayList<>();
		for (int i = 0; i < match.length; i++) {
			if (match[i] >= 0) {
				ReferenceCatalog.Entry entry = aegean.entries().get(match[i]);
				peakRatios.add(peaks.get(i) / entry.peakFlux());
				intRatios.add(ints.get(i) / entry.intFlux());
				separations.add(positions.get(i).separationDeg(entry.position()) * 60);
			}
		}
		System.out.printf(Locale.ROOT,
				"%s: reference components found %d/%d (%.0f %%); reported components in the reference %d/%d (%.0f %%); "
						+ "median peak ratio %.3f, integrated ratio %.3f, separation %.2f arcmin%n",
				finder, matched, aegean.entries().size(), 100.0 * matched / aegean.entries().size(), matched,
				match.length, 100.0 * matched / match.length, median(peakRatios), median(intRatios),
				median(separations));
	}

	private static void unmatched(Catalog catalog, List<CatalogComponent> components, int[] match, double beamDeg) {
		int edge = 0;
		int secondary = 0;
		List<String> isolated = new ArrayList<>();
		for (int i = 0; i < match.length; i++) {
			CatalogComponent c = components.get(i);
			if (match[i] >= 0) {
				continue;
			}
			if ((c.flags() & (SourceFlags.BORDER | SourceFlags.BLANK)) != 0) {
				edge++;
			}
			else if (brighterNeighbour(catalog, c, 2 * beamDeg)) {
				secondary++;
			}
			else {
				isolated.add(String.format(Locale.ROOT, "%s (S/N %.1f)", c.name(), c.snr()));
			}
		}
		System.out.printf(Locale.ROOT,
				"sfinder unmatched: %d at the edge of the coverage, %d secondary components within 2 beams of a brighter "
						+ "one, %d isolated: %s%n",
				edge, secondary, isolated.size(), isolated);
	}

	private static boolean brighterNeighbour(Catalog catalog, CatalogComponent c, double radiusDeg) {
		for (CatalogSource source : catalog.sources()) {
			for (CatalogComponent other : source.components()) {
				if (other != c && other.island().equals(c.island()) && other.peakFlux() > c.peakFlux()
						&& new SkyPosition(other.ra(), other.dec())
							.separationDeg(new SkyPosition(c.ra(), c.dec())) < radiusDeg) {
					return true;
				}
			}
		}
		return false;
	}

	private static double median(List<Double> values) {
		double[] array = values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).toArray();
		return Scorecard.median(array);
	}

}
