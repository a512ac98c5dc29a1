package io.caesarrest.finder;

import java.util.ArrayList;
import java.util.List;

import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.catalog.CatalogSource;
import io.caesarrest.finder.catalog.SourceFlags;
import io.caesarrest.finder.detect.Island;
import io.caesarrest.finder.fit.FitOutcome;
import io.caesarrest.finder.fit.GaussianComponent;
import io.caesarrest.finder.fits.Beam;
import io.caesarrest.finder.fits.FitsImage;
import io.caesarrest.finder.measure.IslandMeasurement;
import io.caesarrest.finder.wcs.SkyPosition;

/**
 * Converts pixel measurements and fits into catalog entries with sky positions, sizes in
 * arcsec and fluxes in Jy.
 */
final class SourceAssembler {

	private final FitsImage image;

	private final double sizeScale;

	private final double fluxDivisor;

	SourceAssembler(FitsImage image) {
		this.image = image;
		this.sizeScale = (image.wcs() != null) ? image.pixelScaleDeg() * 3600 : 1.0;
		this.fluxDivisor = image.isPerBeam() ? image.beamAreaPixels() : 1.0;
	}

	CatalogSource source(String name, Island island, IslandMeasurement m, FitOutcome fit) {
		int flags = (island.touchesBorder() ? SourceFlags.BORDER : 0) | (island.touchesBlank() ? SourceFlags.BLANK : 0);
		List<CatalogComponent> components = new ArrayList<>();
		if (fit != null && fit.failed()) {
			components.add(fromMoments(name + "_c1", name, m, flags | SourceFlags.FIT_FAILED));
		}
		else if (fit != null) {
			int componentFlags = flags | ((fit.components().size() > 1) ? SourceFlags.MULTI_COMPONENT : 0);
			for (GaussianComponent g : fit.components()) {
				components.add(fromFit(name + "_c" + (components.size() + 1), name, g, m.meanNoise(), componentFlags));
			}
		}
		SkyPosition sky = sky(m.centroidX(), m.centroidY());
		return new CatalogSource(name, m.centroidX(), m.centroidY(), m.peakX(), m.peakY(), sky.ra(), sky.dec(),
				m.peakFlux(), m.sumFlux() / this.fluxDivisor, m.sumFluxError() / this.fluxDivisor, m.peakSnr(),
				m.majorFwhm() * this.sizeScale, m.minorFwhm() * this.sizeScale,
				skyPa(m.imagePaDeg(), m.centroidX(), m.centroidY()), m.pixels(), flags, components);
	}

	private CatalogComponent fromFit(String name, String island, GaussianComponent g, double noise, int flags) {
		SkyPosition sky = sky(g.x(), g.y());
		double[] e = g.errors();
		double fwhm = Beam.fwhmFromSigma(1.0) * this.sizeScale;
		return new CatalogComponent(name, island, g.x(), g.y(), e[1], e[2], sky.ra(), sky.dec(), g.amplitude(), e[0],
				g.integral() / this.fluxDivisor, g.integralError() / this.fluxDivisor, g.amplitude() / noise,
				g.sigmaMajor() * fwhm, g.sigmaMinor() * fwhm, skyPa(g.imagePositionAngleDeg(), g.x(), g.y()),
				e[3] * fwhm, e[4] * fwhm, e[5], flags);
	}

	private CatalogComponent fromMoments(String name, String island, IslandMeasurement m, int flags) {
		SkyPosition sky = sky(m.centroidX(), m.centroidY());
		double positionError = m.majorFwhm() / Math.max(1, m.peakSnr());
		return new CatalogComponent(name, island, m.centroidX(), m.centroidY(), positionError, positionError, sky.ra(),
				sky.dec(), m.peakFlux(), m.meanNoise(), m.sumFlux() / this.fluxDivisor,
				m.sumFluxError() / this.fluxDivisor, m.peakSnr(), m.majorFwhm() * this.sizeScale,
				m.minorFwhm() * this.sizeScale, skyPa(m.imagePaDeg(), m.centroidX(), m.centroidY()), Double.NaN,
				Double.NaN, Double.NaN, flags);
	}

	private SkyPosition sky(double x, double y) {
		return (this.image.wcs() != null) ? this.image.wcs().toSky(x, y) : SkyPosition.UNKNOWN;
	}

	private double skyPa(double imagePa, double x, double y) {
		if (this.image.wcs() == null) {
			return imagePa;
		}
		double pa = (imagePa + this.image.wcs().yAxisPositionAngleDeg(x, y)) % 180;
		return (pa < 0) ? pa + 180 : pa;
	}

}
