package io.caesarrest.finder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.catalog.CatalogSource;
import io.caesarrest.finder.concurrent.ParallelExecutor;
import io.caesarrest.finder.detect.Island;
import io.caesarrest.finder.fit.FitOutcome;
import io.caesarrest.finder.fit.FitSettings;
import io.caesarrest.finder.fit.IslandFitter;
import io.caesarrest.finder.fits.FitsImage;
import io.caesarrest.finder.measure.IslandMeasurement;
import io.caesarrest.finder.measure.IslandMeasurer;

/**
 * Measures and fits islands in parallel and names them {@code S1, S2, ...} by decreasing
 * peak flux.
 */
final class IslandProcessor {

	private static final double FALLBACK_BEAM_PIXELS = 3.0;

	private final FinderOptions options;

	private final FitsImage image;

	private final BackgroundMap map;

	IslandProcessor(FinderOptions options, FitsImage image, BackgroundMap map) {
		this.options = options;
		this.image = image;
		this.map = map;
	}

	List<CatalogSource> process(List<Island> islands, ParallelExecutor executor) {
		IslandMeasurer measurer = new IslandMeasurer(this.image.width(), this.image.beamAreaPixels());
		IslandMeasurement[] measurements = new IslandMeasurement[islands.size()];
		FitOutcome[] fits = new FitOutcome[islands.size()];
		IslandFitter fitter = this.options.fit() ? new IslandFitter(fitSettings()) : null;
		executor.forEach(islands.size(), (i) -> {
			measurements[i] = measurer.measure(islands.get(i));
			fits[i] = (fitter != null) ? fitter.fit(islands.get(i), this.image, this.map, measurements[i]) : null;
		});
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < islands.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble((Integer i) -> -measurements[i].peakFlux())
			.thenComparingInt((i) -> islands.get(i).pixels()[0]));
		SourceAssembler assembler = new SourceAssembler(this.image);
		CatalogSource[] assembled = new CatalogSource[order.size()];
		executor.forEach(order.size(), (rank) -> {
			int i = order.get(rank);
			assembled[rank] = assembler.source("S" + (rank + 1), islands.get(i), measurements[i], fits[i]);
		});
		return List.of(assembled);
	}

	private FitSettings fitSettings() {
		double major = this.image.beamMajorPixels(FALLBACK_BEAM_PIXELS);
		double minor = (this.image.beam() != null && this.image.wcs() != null)
				? this.image.beam().minorPixels(this.image.pixelScaleDeg()) : FALLBACK_BEAM_PIXELS;
		double theta = (this.image.beam() != null) ? this.image.beam().paDeg() + 90 : 0;
		return new FitSettings(this.options.seedThreshold(), this.options.maxComponents(), major, minor, theta);
	}

}
