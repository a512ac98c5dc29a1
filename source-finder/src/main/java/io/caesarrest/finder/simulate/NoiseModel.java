package io.caesarrest.finder.simulate;

/**
 * How the simulated noise is correlated.
 */
public enum NoiseModel {

	/**
	 * Noise whose autocorrelation is the beam, as in an interferometric image: white
	 * noise filtered by a Gaussian of FWHM beam/√2.
	 */
	BEAM,

	/**
	 * White noise convolved with the beam itself, so its autocorrelation is √2 wider than
	 * the beam (the older model, which overstates what a matched filter gains).
	 */
	SMOOTHED;

	/**
	 * Returns the sigma of the Gaussian kernel applied to white noise.
	 * @param beamSigmaPixels the beam's Gaussian sigma in pixels
	 * @return the kernel sigma in pixels
	 */
	double kernelSigma(double beamSigmaPixels) {
		return (this == BEAM) ? beamSigmaPixels / Math.sqrt(2) : beamSigmaPixels;
	}

	/**
	 * Parses a model name as given on the command line ({@code beam} or
	 * {@code smoothed}).
	 * @param name the name, any case
	 * @return the model
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static NoiseModel parse(String name) {
		for (NoiseModel model : values()) {
			if (model.name().equalsIgnoreCase(name)) {
				return model;
			}
		}
		throw new IllegalArgumentException("noise must be beam or smoothed, got '" + name + "'");
	}

}
