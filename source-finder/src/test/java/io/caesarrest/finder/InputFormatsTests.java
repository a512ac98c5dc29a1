package io.caesarrest.finder;

import java.nio.file.Path;
import java.util.List;

import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogSource;
import io.caesarrest.finder.fits.FitsImage;
import io.caesarrest.finder.fits.FitsImageReader;
import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The same simulated sky stored as 4-D floats and as scaled 16-bit integers with blanks
 * gives the same catalog as the original image.
 */
class InputFormatsTests {

	private static final int SIZE = 256;

	private static final FinderOptions OPTIONS = FinderOptions.defaults().withExtraOutputs(false);

	@TempDir
	Path dir;

	private FitsImage sky;

	private Catalog reference;

	@BeforeEach
	void simulate() {
		Path file = this.dir.resolve("sky.fits");
		SkySimulator.simulate(new SimulationOptions(SIZE, 21, 1e-4, 4, 40, 0, 0, 0), file, null, 2);
		this.sky = new FitsImageReader().read(file);
		this.reference = SourceFinder.run(OPTIONS, file, this.dir.resolve("ref"), "ref").catalog();
	}

	@Test
	void findsSameSourcesInFourDimensionalImage() throws Exception {
		float[][][][] data = new float[1][1][SIZE][SIZE];
		for (int y = 0; y < SIZE; y++) {
			System.arraycopy(this.sky.pixels(), y * SIZE, data[0][0][y], 0, SIZE);
		}
		Catalog catalog = SourceFinder.run(OPTIONS, write(data, false), this.dir.resolve("out4d"), "4d").catalog();
		assertThat(catalog.sources()).hasSameSizeAs(this.reference.sources());
		assertThat(catalog.sources().get(0).ra()).isEqualTo(this.reference.sources().get(0).ra());
	}

	@Test
	void findsSameSourcesInScaledShortImageWithBlanks() throws Exception {
		double scale = 2e-6;
		short[][] data = new short[SIZE][SIZE];
		for (int y = 0; y < SIZE; y++) {
			for (int x = 0; x < SIZE; x++) {
				double value = (this.sky.get(x, y) - 0.01) / scale;
				data[y][x] = (x < 3) ? Short.MIN_VALUE : (short) Math.round(Math.max(-32767, Math.min(32767, value)));
			}
		}
		Catalog catalog = SourceFinder.run(OPTIONS, write(data, true), this.dir.resolve("out16"), "i16").catalog();
		List<CatalogSource> expected = this.reference.sources();
		assertThat(catalog.sources()).hasSizeBetween(expected.size() - 2, expected.size() + 2);
		assertThat(catalog.sources().get(0).x()).isCloseTo(expected.get(0).x(), within(0.05));
		assertThat(catalog.sources().get(0).intFlux()).isCloseTo(expected.get(0).intFlux(),
				within(0.02 * expected.get(0).intFlux()));
	}

	private Path write(Object data, boolean scaled) throws Exception {
		BasicHDU<?> hdu = Fits.makeHDU(data);
		Header header = hdu.getHeader();
		if (scaled) {
			header.addValue("BSCALE", 2e-6, "");
			header.addValue("BZERO", 0.01, "");
			header.addValue("BLANK", (int) Short.MIN_VALUE, "");
		}
		header.addValue("BUNIT", "JY/BEAM", "");
		header.addValue("BMAJ", this.sky.beam().majorDeg(), "");
		header.addValue("BMIN", this.sky.beam().minorDeg(), "");
		header.addValue("CTYPE1", "RA---SIN", "");
		header.addValue("CTYPE2", "DEC--SIN", "");
		header.addValue("CRPIX1", SIZE / 2.0 + 0.5, "");
		header.addValue("CRPIX2", SIZE / 2.0 + 0.5, "");
		header.addValue("CRVAL1", 150.0, "");
		header.addValue("CRVAL2", -30.0, "");
		header.addValue("CDELT1", -SimulationOptions.PIXEL_ARCSEC / 3600, "");
		header.addValue("CDELT2", SimulationOptions.PIXEL_ARCSEC / 3600, "");
		Path file = this.dir.resolve(scaled ? "scaled.fits" : "cube4d.fits");
		try (Fits fits = new Fits()) {
			fits.addHDU(hdu);
			fits.write(file.toFile());
		}
		return file;
	}

}
