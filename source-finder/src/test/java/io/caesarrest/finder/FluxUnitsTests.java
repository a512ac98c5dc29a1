package io.caesarrest.finder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caesarrest.finder.catalog.Catalog;
import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.fits.FitsImage;
import io.caesarrest.finder.fits.FitsImageReader;
import io.caesarrest.finder.fits.FitsImageWriter;
import io.caesarrest.finder.fits.FluxUnit;
import io.caesarrest.finder.simulate.SimulationOptions;
import io.caesarrest.finder.simulate.SkySimulator;
import io.caesarrest.finder.simulate.TruthSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Integrated fluxes in Jy whatever the image's unit convention: Jy/beam given or assumed
 * (no BUNIT, a beam), and Jy/pixel.
 */
class FluxUnitsTests {

	private static final int SIZE = 512;

	private static final double BEAM_PIXELS = 4;

	@TempDir
	Path dir;

	private FitsImage sky;

	private List<TruthSource> truth;

	@BeforeEach
	void simulate() {
		Path file = this.dir.resolve("sky.fits");
		this.truth = SkySimulator.simulate(new SimulationOptions(SIZE, 31, 1e-4, BEAM_PIXELS, 150, 0, 0, 0), file, null,
				2);
		this.sky = new FitsImageReader().read(file);
	}

	@Test
	void classifiesUnitsFromBunitAndBeam() {
		assertThat(FluxUnit.of("JY/BEAM", true)).isEqualTo(FluxUnit.PER_BEAM);
		assertThat(FluxUnit.of("mJy/beam", false)).isEqualTo(FluxUnit.PER_BEAM);
		assertThat(FluxUnit.of("", true)).isEqualTo(FluxUnit.PER_BEAM_ASSUMED);
		assertThat(FluxUnit.of("", false)).isEqualTo(FluxUnit.OTHER);
		assertThat(FluxUnit.of("Jy/pixel", true)).isEqualTo(FluxUnit.PER_PIXEL);
		assertThat(FluxUnit.of("K", true)).isEqualTo(FluxUnit.OTHER);
		assertThat(FluxUnit.PER_BEAM.integratedUnit("mJy/beam")).isEqualTo("mJy");
		assertThat(FluxUnit.PER_PIXEL.integratedUnit("JY/PIXEL")).isEqualTo("JY");
	}

	@Test
	void takesAnImageWithoutBunitButWithABeamAsJanskyPerBeam() {
		Catalog catalog = find(this.sky.pixels(), null, "nounit");
		assertThat(catalog.metadata().units().convention()).isEqualTo("per_beam_assumed");
		assertThat(catalog.metadata().units().integrated()).isEqualTo("Jy");
		assertThat(medianFluxRatio(catalog)).isCloseTo(1.0, within(0.05));
	}

	@Test
	void sumsAnImageInJanskyPerPixelWithoutTheBeamArea() {
		double beamArea = Math.PI / (4 * Math.log(2)) * BEAM_PIXELS * BEAM_PIXELS;
		float[] perPixel = this.sky.pixels().clone();
		for (int k = 0; k < perPixel.length; k++) {
			perPixel[k] /= (float) beamArea;
		}
		Catalog catalog = find(perPixel, "JY/PIXEL", "perpixel");
		assertThat(catalog.metadata().units().convention()).isEqualTo("per_pixel");
		assertThat(catalog.metadata().units().peak()).isEqualTo("JY/PIXEL");
		assertThat(catalog.metadata().units().integrated()).isEqualTo("JY");
		assertThat(medianFluxRatio(catalog)).isCloseTo(1.0, within(0.05));
	}

	@Test
	void keepsJanskyPerBeamImagesAsBefore() {
		Catalog catalog = find(this.sky.pixels(), "JY/BEAM", "perbeam");
		assertThat(catalog.metadata().units().convention()).isEqualTo("per_beam");
		assertThat(medianFluxRatio(catalog)).isCloseTo(1.0, within(0.05));
	}

	private Catalog find(float[] pixels, String bunit, String id) {
		Map<String, Object> cards = new LinkedHashMap<>();
		if (bunit != null) {
			cards.put("BUNIT", bunit);
		}
		double cdelt = SimulationOptions.PIXEL_ARCSEC / 3600;
		cards.putAll(Map.of("BMAJ", BEAM_PIXELS * cdelt, "BMIN", BEAM_PIXELS * cdelt, "CTYPE1", "RA---SIN", "CTYPE2",
				"DEC--SIN", "CDELT1", -cdelt, "CDELT2", cdelt, "CRVAL1", 150.0, "CRVAL2", -30.0));
		Path file = this.dir.resolve(id + ".fits");
		new FitsImageWriter().write(file, SIZE, SIZE, pixels, cards);
		return SourceFinder.run(FinderOptions.defaults().withExtraOutputs(false), file, this.dir.resolve(id), id)
			.catalog();
	}

	private double medianFluxRatio(Catalog catalog) {
		List<Double> ratios = new ArrayList<>();
		for (TruthSource source : this.truth) {
			if (source.snr() < 10) {
				continue;
			}
			catalog.sources()
				.stream()
				.flatMap((s) -> s.components().stream())
				.filter((c) -> Math.hypot(c.x() - source.x(), c.y() - source.y()) < 2)
				.map(CatalogComponent::intFlux)
				.findFirst()
				.ifPresent((flux) -> ratios.add(flux / source.intFlux()));
		}
		assertThat(ratios).hasSizeGreaterThan(10);
		ratios.sort(Double::compare);
		return ratios.get(ratios.size() / 2);
	}

}
