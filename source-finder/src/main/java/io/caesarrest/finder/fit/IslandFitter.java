package io.caesarrest.finder.fit;

import java.util.ArrayList;
import java.util.List;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.detect.Island;
import io.caesarrest.finder.fits.Beam;
import io.caesarrest.finder.fits.FitsImage;

/**
 * Fits one or more elliptical Gaussians to an island, dropping the faintest component and
 * retrying when a fit is not acceptable.
 */
public final class IslandFitter {

	private final FitSettings settings;

	private final double beamSigmaMajor;

	private final double beamSigmaMinor;

	/**
	 * Creates a fitter.
	 * @param settings the fit settings
	 */
	public IslandFitter(FitSettings settings) {
		this.settings = settings;
		this.beamSigmaMajor = Beam.sigmaFromFwhm(settings.beamMajorPixels());
		this.beamSigmaMinor = Beam.sigmaFromFwhm(settings.beamMinorPixels());
	}

	/**
	 * Fits an island.
	 * @param island the island
	 * @param image the image
	 * @param map the background map
	 * @return the outcome
	 */
	public FitOutcome fit(Island island, FitsImage image, BackgroundMap map) {
		FitRegion region = new FitRegion(island, image, map);
		FitData data = region.data();
		List<Integer> peaks = new ComponentSeeder(this.settings.seedThreshold(), this.settings.maxComponents())
			.peaks(region);
		for (int count = peaks.size(); count >= 1; count--) {
			int n = count * GaussianModel.PARAMS;
			if (data.size() <= n) {
				continue;
			}
			double[] start = start(region, peaks.subList(0, count));
			FitConstraints constraints = new FitConstraints(region, 0.5 * this.beamSigmaMinor);
			LevenbergMarquardt.Solution solution = LevenbergMarquardt.fit(data, start, constraints::apply);
			if (solution != null && constraints.accepts(solution.params())) {
				double reducedChi2 = solution.chi2() / (data.size() - n);
				return new FitOutcome(components(solution), reducedChi2);
			}
		}
		return new FitOutcome(List.of(), Double.NaN);
	}

	private double[] start(FitRegion region, List<Integer> peaks) {
		double[] p = new double[peaks.size() * GaussianModel.PARAMS];
		double theta = Math.toRadians(this.settings.beamThetaDeg());
		for (int c = 0; c < peaks.size(); c++) {
			int k = peaks.get(c);
			int o = c * GaussianModel.PARAMS;
			p[o] = region.residual[k];
			p[o + 1] = region.x0 + k % region.width;
			p[o + 2] = region.y0 + k / region.width;
			p[o + 3] = this.beamSigmaMajor * 1.05;
			p[o + 4] = this.beamSigmaMinor * 0.95;
			p[o + 5] = theta;
		}
		return p;
	}

	private List<GaussianComponent> components(LevenbergMarquardt.Solution solution) {
		double errorScale = Math.max(1,
				Math.sqrt(this.settings.beamMajorPixels() * this.settings.beamMinorPixels()) / 2);
		List<GaussianComponent> components = new ArrayList<>();
		for (int o = 0; o < solution.params().length; o += GaussianModel.PARAMS) {
			components.add(ComponentBuilder.build(solution, o, errorScale));
		}
		components.sort((a, b) -> Double.compare(b.amplitude(), a.amplitude()));
		return components;
	}

}
