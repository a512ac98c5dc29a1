package io.caesarrest.finder.output;

import java.util.List;

import io.caesarrest.finder.catalog.CatalogComponent;
import io.caesarrest.finder.catalog.CatalogSource;
import io.caesarrest.finder.catalog.FluxUnits;

/**
 * The columns of the island and component catalogs, shared by the JSON, table and VOTable
 * writers.
 */
public final class CatalogColumns {

	private CatalogColumns() {
	}

	/**
	 * Returns the island columns.
	 * @param units the flux units
	 * @param size the size unit
	 * @return the columns
	 */
	public static List<Column<CatalogSource>> sources(FluxUnits units, String size) {
		return List.of(new Column<>("name", "", "char", CatalogSource::name),
				new Column<>("x", "pix", "double", CatalogSource::x),
				new Column<>("y", "pix", "double", CatalogSource::y),
				new Column<>("peak_x", "pix", "int", CatalogSource::peakX),
				new Column<>("peak_y", "pix", "int", CatalogSource::peakY),
				new Column<>("ra", "deg", "double", CatalogSource::ra),
				new Column<>("dec", "deg", "double", CatalogSource::dec),
				new Column<>("peak_flux", units.peak(), "double", CatalogSource::peakFlux),
				new Column<>("int_flux", units.integrated(), "double", CatalogSource::intFlux),
				new Column<>("int_flux_err", units.integrated(), "double", CatalogSource::intFluxErr),
				new Column<>("snr", "", "double", CatalogSource::snr),
				new Column<>("bmaj", size, "double", CatalogSource::bmaj),
				new Column<>("bmin", size, "double", CatalogSource::bmin),
				new Column<>("pa", "deg", "double", CatalogSource::pa),
				new Column<>("npix", "", "int", CatalogSource::npix),
				new Column<>("flags", "", "int", CatalogSource::flags),
				new Column<>("ncomponents", "", "int", (s) -> s.components().size()));
	}

	/**
	 * Returns the component columns.
	 * @param units the flux units
	 * @param size the size unit
	 * @return the columns
	 */
	public static List<Column<CatalogComponent>> components(FluxUnits units, String size) {
		return List.of(new Column<>("name", "", "char", CatalogComponent::name),
				new Column<>("island", "", "char", CatalogComponent::island),
				new Column<>("x", "pix", "double", CatalogComponent::x),
				new Column<>("y", "pix", "double", CatalogComponent::y),
				new Column<>("x_err", "pix", "double", CatalogComponent::xErr),
				new Column<>("y_err", "pix", "double", CatalogComponent::yErr),
				new Column<>("ra", "deg", "double", CatalogComponent::ra),
				new Column<>("dec", "deg", "double", CatalogComponent::dec),
				new Column<>("peak_flux", units.peak(), "double", CatalogComponent::peakFlux),
				new Column<>("peak_flux_err", units.peak(), "double", CatalogComponent::peakFluxErr),
				new Column<>("int_flux", units.integrated(), "double", CatalogComponent::intFlux),
				new Column<>("int_flux_err", units.integrated(), "double", CatalogComponent::intFluxErr),
				new Column<>("snr", "", "double", CatalogComponent::snr),
				new Column<>("bmaj", size, "double", CatalogComponent::bmaj),
				new Column<>("bmin", size, "double", CatalogComponent::bmin),
				new Column<>("pa", "deg", "double", CatalogComponent::pa),
				new Column<>("bmaj_err", size, "double", CatalogComponent::bmajErr),
				new Column<>("bmin_err", size, "double", CatalogComponent::bminErr),
				new Column<>("pa_err", "deg", "double", CatalogComponent::paErr),
				new Column<>("flags", "", "int", CatalogComponent::flags));
	}

}
