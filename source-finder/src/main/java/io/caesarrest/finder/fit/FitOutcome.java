package io.caesarrest.finder.fit;

import java.util.List;

/**
 * The result of fitting one island: its components (brightest first) or a failure.
 *
 * @param components the fitted components, empty when the fit failed
 * @param reducedChi2 the reduced chi-squared of the accepted fit, NaN when failed
 */
public record FitOutcome(List<GaussianComponent> components, double reducedChi2) {

	/**
	 * Returns whether no acceptable fit was found.
	 * @return {@code true} when the fit failed
	 */
	public boolean failed() {
		return this.components.isEmpty();
	}

}
