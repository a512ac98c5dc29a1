package io.caesarrest.finder.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.caesarrest.finder.fits.Beam;
import io.caesarrest.finder.wcs.SkyPosition;
import io.caesarrest.finder.wcs.WorldCoordinates;

/**
 * Draws the injected sources: S/N from a power law (dN/dS ~ S^-2) between 2 and 200,
 * uniform positions away from the border, some close pairs and some resolved Gaussians.
 */
final class SourceGenerator {

	private static final double SNR_MIN = 2;

	private static final double SNR_MAX = 200;

	private final SimulationOptions options;

	private final WorldCoordinates wcs;

	private final SplittableRandom random;

	private final List<TruthSource> sources = new ArrayList<>();

	SourceGenerator(SimulationOptions options, WorldCoordinates wcs) {
		this.options = options;
		this.wcs = wcs;
		this.random = new SplittableRandom(options.seed());
	}

	List<TruthSource> generate() {
		double margin = 3 * this.options.beamPixels();
		double span = this.options.size() - 2 * margin;
		for (int i = 0; i < this.options.entryCount(); i++) {
			double x = margin + this.random.nextDouble() * span;
			double y = margin + this.random.nextDouble() * span;
			double kind = this.random.nextDouble();
			if (kind < this.options.extended()) {
				extended(x, y);
			}
			else if (kind < this.options.extended() + this.options.pairs()) {
				pair(x, y, margin);
			}
			else {
				add(x, y, snr(SNR_MIN), 1, 1, 0, "point");
			}
		}
		return this.sources;
	}

	private void pair(double x, double y, double margin) {
		double separation = this.options.beamPixels() * (1.0 + this.random.nextDouble());
		double angle = this.random.nextDouble() * 2 * Math.PI;
		double x2 = Math.max(margin, Math.min(this.options.size() - margin, x + separation * Math.cos(angle)));
		double y2 = Math.max(margin, Math.min(this.options.size() - margin, y + separation * Math.sin(angle)));
		add(x, y, snr(5), 1, 1, 0, "pair");
		add(x2, y2, snr(5), 1, 1, 0, "pair");
	}

	private void extended(double x, double y) {
		double major = this.options.beamPixels() * (1 + 2 * this.random.nextDouble());
		double minor = major * (0.4 + 0.6 * this.random.nextDouble());
		double beam = this.options.beamPixels();
		double majorObserved = Math.sqrt(major * major + beam * beam) / beam;
		double minorObserved = Math.sqrt(minor * minor + beam * beam) / beam;
		add(x, y, snr(5), majorObserved, minorObserved, this.random.nextDouble() * 180, "extended");
	}

	private double snr(double min) {
		double u = this.random.nextDouble();
		return 1.0 / (1.0 / min - u * (1.0 / min - 1.0 / SNR_MAX));
	}

	private void add(double x, double y, double snr, double majorBeams, double minorBeams, double pa, String kind) {
		double peak = snr * this.options.rms();
		double majorPixels = majorBeams * this.options.beamPixels();
		double minorPixels = minorBeams * this.options.beamPixels();
		SkyPosition sky = this.wcs.toSky(x, y);
		double intFlux = peak * majorBeams * minorBeams;
		this.sources.add(new TruthSource(this.sources.size() + 1, x, y, sky.ra(), sky.dec(), peak, intFlux, snr,
				majorPixels * SimulationOptions.PIXEL_ARCSEC, minorPixels * SimulationOptions.PIXEL_ARCSEC, pa, kind));
	}

	static double sigmaPixels(double fwhmArcsec) {
		return Beam.sigmaFromFwhm(fwhmArcsec / SimulationOptions.PIXEL_ARCSEC);
	}

}
