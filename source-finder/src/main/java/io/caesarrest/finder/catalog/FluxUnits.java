package io.caesarrest.finder.catalog;

/**
 * Units of the catalog's fluxes and how they were derived from the header.
 *
 * @param bunit the image's BUNIT, empty when absent
 * @param peak the unit of peak fluxes
 * @param integrated the unit of integrated fluxes
 * @param convention {@code per_beam}, {@code per_beam_assumed} (no BUNIT, a beam),
 * {@code per_pixel} or {@code other}
 */
public record FluxUnits(String bunit, String peak, String integrated, String convention) {

}
