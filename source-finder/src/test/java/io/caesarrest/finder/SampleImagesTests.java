package io.caesarrest.finder;

import java.nio.file.Files;
import java.nio.file.Path;

import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogComponent;
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
