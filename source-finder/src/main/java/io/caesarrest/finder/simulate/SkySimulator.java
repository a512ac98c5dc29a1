package io.caesarrest.finder.simulate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.fits.FitsImageWriter;
import io.caesarrest.finder.wcs.Projection;
import io.caesarrest.finder.wcs.WorldCoordinates;

/**
 * Simulates a radio sky image: correlated noise (by default with the beam as its
 * autocorrelation, as in an interferometric image), an optional smooth background and
 * Gaussian sources rendered on small stamps; writes the FITS image and the truth catalog.
 */
public final class SkySimulator {

	private static final double CRVAL_RA = 150.0;

	private static final double CRVAL_DEC = -30.0;

	private SkySimulator() {
	}

	/**
	 * Simulates an image and writes it with its truth catalog.
	 * @param options the simulation options
	 * @param image the output FITS file
	 * @param truth the output truth CSV, or {@code null} to skip it
	 * @param threads the number of threads for the noise
	 * @return the injected sources
	 */
	public static List<TruthSource> simulate(SimulationOptions options, Path image, Path truth, int threads) {
		int size = options.size();
		WorldCoordinates wcs = wcs(size);
		List<TruthSource> sources = new SourceGenerator(options, wcs).generate();
		float[] pixels = new float[Math.multiplyExact(size, size)];
		try (ParallelExecutor executor = new ParallelExecutor(threads)) {
			double beamSigma = options.beamPixels() / (2 * Math.sqrt(2 * Math.log(2)));
			new CorrelatedNoise(options.noise().kernelSigma(beamSigma)).add(pixels, size, options.rms(), options.seed(),
					executor);
		}
		addBackground(pixels, size, options.background());
		sources.forEach((source) -> StampRenderer.render(pixels, size, source));
		new FitsImageWriter().write(image, size, size, pixels, header(options));
		if (truth != null) {
			TruthCatalog.write(truth, sources);
		}
		return sources;
	}

	private static WorldCoordinates wcs(int size) {
		double cdelt = SimulationOptions.PIXEL_ARCSEC / 3600;
		double crpix = size / 2.0 + 0.5;
		return new WorldCoordinates(new double[] { crpix, crpix }, new double[] { CRVAL_RA, CRVAL_DEC },
				new double[] { -cdelt, 0, 0, cdelt }, Projection.SIN, false, Double.NaN, 90);
	}

	private static void addBackground(float[] pixels, int size, double amplitude) {
		if (amplitude == 0) {
			return;
		}
		for (int y = 0; y < size; y++) {
			double fy = Math.cos(2 * Math.PI * y / (0.9 * size));
			for (int x = 0; x < size; x++) {
				double fx = Math.sin(2 * Math.PI * x / (0.7 * size) + 0.3);
				pixels[y * size + x] += (float) (amplitude * 0.5 * (1 + fx * fy));
			}
		}
	}

	private static Map<String, Object> header(SimulationOptions options) {
		double cdelt = SimulationOptions.PIXEL_ARCSEC / 3600;
		double beam = options.beamPixels() * cdelt;
		Map<String, Object> cards = new LinkedHashMap<>();
		cards.put("BUNIT", "JY/BEAM");
		cards.put("BMAJ", beam);
		cards.put("BMIN", beam);
		cards.put("BPA", 0.0);
		cards.put("CTYPE1", "RA---SIN");
		cards.put("CRPIX1", options.size() / 2.0 + 0.5);
		cards.put("CRVAL1", CRVAL_RA);
		cards.put("CDELT1", -cdelt);
		cards.put("CUNIT1", "deg");
		cards.put("CTYPE2", "DEC--SIN");
		cards.put("CRPIX2", options.size() / 2.0 + 0.5);
		cards.put("CRVAL2", CRVAL_DEC);
		cards.put("CDELT2", cdelt);
		cards.put("CUNIT2", "deg");
		cards.put("RADESYS", "FK5");
		cards.put("EQUINOX", 2000.0);
		cards.put("OBJECT", "sfinder simulation seed " + options.seed());
		cards.put("NOISERMS", options.rms());
		cards.put("NOISEMOD", options.noise().name().toLowerCase(Locale.ROOT));
		return cards;
	}

}
