package io.caesarrest.finder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.bench.ReferenceCatalog;
import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.catalog.DetectionSummary;
import io.caesarrest.finder.wcs.SkyPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the finder on the shared sample images; reference positions of the brightest pixel
 * come from astropy 5.2.1 ({@code WCS(header).celestial.all_pix2world}, see
 * {@code source-finder/bench/wcs-reference.py}).
 */
class SampleImagesTests {

	@TempDir
	Path dir;

	private Path data;

	@BeforeEach
	void sharedData() {
		String folder = System.getProperty("caesar.shared-data");
		assumeTrue(folder != null && Files.isDirectory(Path.of(folder)), "shared sample images not available");
		this.data = Path.of(folder);
	}

	@Test
	void findsSourcesInScorpioFieldWithNcpProjection() {
		Path image = this.data.resolve("ScorpioS17Field.fits");
		assumeTrue(Files.isRegularFile(image));
		FinderResult result = SourceFinder.run(FinderOptions.defaults(), image, this.dir, "scorpio");
		Catalog catalog = result.catalog();
		assertThat(catalog.sources()).hasSizeBetween(10, 2000);
		assertThat(catalog.metadata().beamMajor()).isEqualTo(0.00180555554107 * 3600, within(1e-6));
		CatalogComponent brightest = catalog.sources().get(0).components().get(0);
		SkyPosition reference = new SkyPosition(257.11645972136046, -43.21539646564183);
		double beamDeg = 0.00180555554107;
		assertThat(new SkyPosition(brightest.ra(), brightest.dec()).separationDeg(reference)).isLessThan(beamDeg);
		assertThat(catalog.sources().get(0).peakX()).isEqualTo(512);
		assertThat(catalog.sources().get(0).peakY()).isEqualTo(493);
		assertThat(result.files()).allSatisfy((file) -> assertThat(file).isNotEmptyFile());
		DetectionSummary detection = catalog.metadata().detection();
		assertThat(detection.method()).isEqualTo("fdr");
		assertThat(detection.seedThreshold()).isBetween(FinderOptions.MIN_AUTO_SEED, 5.0);
		assertThat(detection.falseEstimate()).isLessThanOrEqualTo(catalog.sources().size());
		assertThat(detection.filterGain()).as("this ATCA image's noise is smoother than its beam").isGreaterThan(1.05);
		assertThat(catalog.metadata().units().convention()).isEqualTo("per_beam");
	}

	/**
	 * Aegean's published catalog of 1904-66_SIN.fits has 51 components; a one-to-one
	 * match within one beam FWHM (0.24 deg) should find most of them, and most of what
	 * sfinder reports should be in it (docs/benchmarks.md lists and explains the rest).
	 */
	@Test
	void agreesWithAegeansPublishedCatalogOf1904() throws Exception {
		Path image = this.data.resolve("1904-66_SIN.fits");
		Path reference = this.data.resolve("1904_comp.fits");
		assumeTrue(Files.isRegularFile(image) && Files.isRegularFile(reference));
		ReferenceCatalog aegean = ReferenceCatalog.read(reference);
		Catalog catalog = SourceFinder.run(FinderOptions.defaults().withExtraOutputs(false), image, this.dir, "pks")
			.catalog();
		List<CatalogComponent> components = catalog.sources()
			.stream()
			.flatMap((source) -> source.components().stream())
			.toList();
		int[] match = aegean.match(components.stream().map((c) -> new SkyPosition(c.ra(), c.dec())).toList(), 0.24);
		int matched = (int) Arrays.stream(match).filter((j) -> j >= 0).count();
		assertThat(aegean.entries()).hasSize(51);
		assertThat(matched).as("Aegean components found").isGreaterThanOrEqualTo((int) Math.ceil(0.85 * 51));
		assertThat((double) matched / components.size()).as("reported components in Aegean's catalog")
			.isGreaterThanOrEqualTo(0.75);
		List<Double> peakRatios = new ArrayList<>();
		List<Double> intRatios = new ArrayList<>();
		for (int i = 0; i < match.length; i++) {
			if (match[i] >= 0) {
				peakRatios.add(components.get(i).peakFlux() / aegean.entries().get(match[i]).peakFlux());
				intRatios.add(components.get(i).intFlux() / aegean.entries().get(match[i]).intFlux());
			}
		}
		assertThat(median(peakRatios)).isCloseTo(1.0, within(0.05));
		assertThat(median(intRatios)).isCloseTo(1.0, within(0.2));
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	@Test
	void findsSourcesInSinImageWithPoleReferenceAndBlankPixels() {
		Path image = this.data.resolve("1904-66_SIN.fits");
		assumeTrue(Files.isRegularFile(image));
		Catalog catalog = SourceFinder.run(FinderOptions.defaults(), image, this.dir, "pks").catalog();
		assertThat(catalog.sources()).hasSizeBetween(3, 500);
		CatalogComponent brightest = catalog.sources().get(0).components().get(0);
		SkyPosition reference = new SkyPosition(294.91089344097725, -63.71432691897791);
		assertThat(new SkyPosition(brightest.ra(), brightest.dec()).separationDeg(reference)).isLessThan(0.24);
		assertThat(catalog.sources()).allSatisfy((source) -> assertThat(Double.isFinite(source.ra())).isTrue());
	}

}
