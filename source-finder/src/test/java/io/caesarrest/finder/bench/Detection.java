package io.caesarrest.finder.bench;

/**
 * A reported source reduced to what the evaluation needs.
 *
 * @param x column (0-based)
 * @param y row (0-based)
 * @param intFlux integrated flux in Jy
 * @param snr reported peak significance
 */
public record Detection(double x, double y, double intFlux, double snr) {

}
