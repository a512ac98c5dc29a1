package io.caesarrest.finder.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.caesarrest.finder.background.BackgroundMap;
import io.caesarrest.finder.detect.Island;
import io.caesarrest.finder.fits.Beam;
import io.caesarrest.finder.fits.FitsImage;
import io.caesarrest.finder.measure.IslandMeasurement;
import io.caesarrest.finder.measure.IslandMeasurer;

/**
 * Fits one or more elliptical Gaussians to an island, dropping the faintest component and
 * retrying when a fit is not acceptable.
 */
public final class IslandFitter {

	private static final double RESOLVED_SIGMA = 2.0;

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
		return fit(island, image, map, new IslandMeasurer(image.width(), image.beamAreaPixels()).measure(island));
	}

	/**
	 * Fits an island already measured.
	 * @param island the island
	 * @param image the image
	 * @param map the background map
	 * @param measurement the island's moments; an island no wider than the beam by its
	 * moments, with a single peak, is fitted with the beam shape straight away
	 * @return the outcome
	 */
	public FitOutcome fit(Island island, FitsImage image, BackgroundMap map, IslandMeasurement measurement) {
		FitRegion region = new FitRegion(island, image, map);
		FitData data = region.data();
		List<Integer> peaks = new ComponentSeeder(this.settings.seedThreshold(), this.settings.maxComponents())
			.peaks(region);
		if (peaks.size() == 1 && measurement.majorFwhm() <= this.settings.beamMajorPixels()) {
			FitOutcome outcome = fitBeamShaped(region, data, peaks.get(0), image);
			if (outcome != null) {
				return outcome;
			}
		}
		for (int count = peaks.size(); count >= 1; count--) {
			int n = count * GaussianModel.PARAMS;
			if (data.size() <= n) {
				continue;
			}
			FitConstraints constraints = new FitConstraints(region, 0.5 * this.beamSigmaMinor);
			boolean[] fixed = new boolean[n];
			LevenbergMarquardt.Solution solution = LevenbergMarquardt.fit(data, start(region, peaks.subList(0, count)),
					fixed, constraints::apply);
			if (solution != null && constraints.accepts(solution.params())) {
				if (count == 1 && resolved(solution, 0)) {
					solution = new PairSplitter(region, data, this.settings, this.beamSigmaMajor, this.beamSigmaMinor)
						.split(solution, constraints);
				}
				solution = new ResidualSearch(region, data, this.settings).extend(solution, constraints,
						shape(this.beamSigmaMajor, this.beamSigmaMinor));
				fixed = new boolean[solution.params().length];
				solution = refitUnresolved(data, solution, fixed, constraints);
				// a free component that covered a faint neighbour leaves that
				// neighbour in the residual once refitted with the beam shape: search
				// again
				LevenbergMarquardt.Solution extended = new ResidualSearch(region, data, this.settings).extend(solution,
						constraints, shape(this.beamSigmaMajor, this.beamSigmaMinor));
				if (extended != solution) {
					fixed = new boolean[extended.params().length];
					solution = refitUnresolved(data, extended, fixed, constraints);
				}
				double reducedChi2 = solution.chi2() / (data.size() - solution.params().length);
				return new FitOutcome(components(solution, fixed), reducedChi2);
			}
		}
		return new FitOutcome(List.of(), Double.NaN);
	}

	/**
	 * Fits one beam-shaped component (amplitude and position free) to a single-peak
	 * island no wider than the beam, then lets the residual search add components; the
	 * shape-free fit and the resolved test are skipped, which halves the fitting work for
	 * the many faint point sources. Returns null when the fit fails.
	 */
	private FitOutcome fitBeamShaped(FitRegion region, FitData data, int peak, FitsImage image) {
		if (data.size() <= GaussianModel.PARAMS) {
			return null;
		}
		FitConstraints constraints = new FitConstraints(region, 0.5 * this.beamSigmaMinor);
		double[] start = start(region, List.of(peak));
		start[3] = this.beamSigmaMajor;
		start[4] = this.beamSigmaMinor;
		boolean[] fixed = { false, false, false, true, true, true };
		LevenbergMarquardt.Solution solution = LevenbergMarquardt.fit(data, start, fixed, constraints::apply);
		if (solution == null || !constraints.accepts(solution.params())) {
			return null;
		}
		LevenbergMarquardt.Solution extended = new ResidualSearch(region, data, this.settings).extend(solution,
				constraints, shape(this.beamSigmaMajor, this.beamSigmaMinor));
		if (extended != solution) {
			fixed = new boolean[extended.params().length];
			extended = refitUnresolved(data, extended, fixed, constraints);
		}
		double reducedChi2 = extended.chi2() / (data.size() - freeCount(fixed));
		return new FitOutcome(components(extended, fixed), reducedChi2);
	}

	private static int freeCount(boolean[] fixed) {
		int free = 0;
		for (boolean f : fixed) {
			free += f ? 0 : 1;
		}
		return free;
	}

	/**
	 * Refits with the beam shape for components whose fitted area is not significantly
	 * larger than the beam's, which makes their fluxes less noisy; keeps the free fit if
	 * the refit fails.
	 */
	private LevenbergMarquardt.Solution refitUnresolved(FitData data, LevenbergMarquardt.Solution free, boolean[] fixed,
			FitConstraints constraints) {
		double[] p = free.params().clone();
		boolean any = false;
		for (int o = 0; o < p.length; o += GaussianModel.PARAMS) {
			if (!resolved(free, o)) {
				p[o + 3] = this.beamSigmaMajor;
				p[o + 4] = this.beamSigmaMinor;
				p[o + 5] = Math.toRadians(this.settings.beamThetaDeg());
				fixed[o + 3] = true;
				fixed[o + 4] = true;
				fixed[o + 5] = true;
				any = true;
			}
		}
		LevenbergMarquardt.Solution refit = any ? LevenbergMarquardt.fit(data, p, fixed, constraints::apply) : null;
		if (refit != null && constraints.accepts(refit.params())) {
			return refit;
		}
		Arrays.fill(fixed, false);
		return free;
	}

	private boolean resolved(LevenbergMarquardt.Solution solution, int o) {
		double[] p = solution.params();
		int n = p.length;
		double[] cov = solution.covariance();
		double relX = Math.sqrt(Math.max(0, cov[(o + 3) * n + o + 3])) / p[o + 3];
		double relY = Math.sqrt(Math.max(0, cov[(o + 4) * n + o + 4])) / p[o + 4];
		double area = p[o + 3] * p[o + 4] / (this.beamSigmaMajor * this.beamSigmaMinor);
		return area - 1 > RESOLVED_SIGMA * errorScale() * area * Math.hypot(relX, relY);
	}

	private double errorScale() {
		return Math.max(1, Math.sqrt(this.settings.beamMajorPixels() * this.settings.beamMinorPixels()) / 2);
	}

	private double[] shape(double major, double minor) {
		return new double[] { major * 1.05, minor * 0.95, Math.toRadians(this.settings.beamThetaDeg()) };
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

	private List<GaussianComponent> components(LevenbergMarquardt.Solution solution, boolean[] fixed) {
		List<GaussianComponent> components = new ArrayList<>();
		for (int o = 0; o < solution.params().length; o += GaussianModel.PARAMS) {
			components.add(ComponentBuilder.build(solution, o, fixed, errorScale()));
		}
		components.sort((a, b) -> Double.compare(b.amplitude(), a.amplitude()));
		return components;
	}

}
