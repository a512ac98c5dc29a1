package io.caesarrest.finder.wcs;

import java.util.Map;

import nom.tam.fits.Header;
import nom.tam.fits.HeaderCardException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Pixel to sky conversions checked against astropy 5.2.1
 * ({@code WCS(header).all_pix2world(
 * [[x, y]], 0)}, 0-based pixels) on the headers below; the script is
 * {@code source-finder/bench/wcs-reference.py}.
 */
class WorldCoordinatesTests {

	private static final Map<String, String> HEADERS = Map.of("SIN_CDELT",
			"CTYPE1=RA---SIN CTYPE2=DEC--SIN CRPIX1=100.5 CRPIX2=100.5 CRVAL1=150 CRVAL2=-30 "
					+ "CDELT1=-5.555555555555556e-4 CDELT2=5.555555555555556e-4",
			"TAN_CD",
			"CTYPE1=RA---TAN CTYPE2=DEC--TAN CRPIX1=50 CRPIX2=60 CRVAL1=10 CRVAL2=45 CD1_1=-1e-3 CD1_2=2e-4 "
					+ "CD2_1=3e-4 CD2_2=1e-3",
			"ARC_CROTA",
			"CTYPE1=RA---ARC CTYPE2=DEC--ARC CRPIX1=100 CRPIX2=100 CRVAL1=300 CRVAL2=60 CDELT1=-0.05 "
					+ "CDELT2=0.05 CROTA2=20",
			"NCP_CDELT",
			"CTYPE1=RA---NCP CTYPE2=DEC--NCP CRPIX1=100 CRPIX2=100 CRVAL1=250 CRVAL2=-40 CDELT1=-0.01 CDELT2=0.01",
			"CAR_PC",
			"CTYPE1=RA---CAR CTYPE2=DEC--CAR CRPIX1=100 CRPIX2=100 CRVAL1=30 CRVAL2=20 CDELT1=-0.1 CDELT2=0.1 "
					+ "PC1_1=0.9848077530 PC1_2=-0.1736481777 PC2_1=0.1736481777 PC2_2=0.9848077530",
			"SIN_POLE",
			"CTYPE1=RA---SIN CTYPE2=DEC--SIN CRPIX1=100 CRPIX2=100 CRVAL1=0 CRVAL2=-90 CDELT1=-0.1 CDELT2=0.1");

	@ParameterizedTest
	@CsvSource({ "SIN_CDELT, 0, 0, 150.06386488650548, -30.055262382465486",
			"SIN_CDELT, 150, 20, 149.96758980059175, -30.044162703530173",
			"SIN_CDELT, 199, 199, 149.93620622136285, -29.944706826909954",
			"TAN_CD, 0, 0, 10.052541145695617, 44.92628799541823",
			"TAN_CD, 150, 20, 9.84615729422074, 44.99119673065655",
			"TAN_CD, 199, 199, 9.82690757923538, 45.18486863015756",
			"ARC_CROTA, 0, 0, 311.5420737085266, 56.49276414067076",
			"ARC_CROTA, 150, 20, 298.16095580197765, 55.40175873065997",
			"ARC_CROTA, 199, 199, 286.1095361632151, 62.30705324693627",
			"NCP_CDELT, 0, 0, 251.31113727914465, -40.96278215457631",
			"NCP_CDELT, 150, 20, 249.32648060458763, -40.779048731700605",
			"NCP_CDELT, 199, 199, 248.71365069920773, -38.97147880895014",
			"CAR_PC, 0, 0, 37.95377928942284, 8.340899551430702",
			"CAR_PC, 150, 20, 23.4848873311318, 12.98139047727562",
			"CAR_PC, 199, 199, 20.684326031031105, 31.359367651598745", "SIN_POLE, 0, 0, 135.0, -75.85607010786397",
			"SIN_POLE, 150, 20, 212.84505830277777, -80.55407772615165",
			"SIN_POLE, 199, 199, 315.0, -75.71018056313325" })
	void convertsPixelsLikeAstropy(String name, double x, double y, double ra, double dec) throws Exception {
		WorldCoordinates wcs = WorldCoordinates.fromHeader(header(HEADERS.get(name)));
		SkyPosition sky = wcs.toSky(x, y);
		assertThat(sky.separationDeg(new SkyPosition(ra, dec))).isLessThan(1e-8);
	}

	@ParameterizedTest
	@CsvSource({ "RA---TAN, TAN", "RA---NCP, NCP", "GLON-CAR, CAR", "RA---XYZ, ", "FREQ, " })
	void recognisesProjectionCodes(String ctype, Projection expected) {
		assertThat(Projection.fromCtype(ctype)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "0, 0", "50, 120" })
	void reportsNorthUpForUnrotatedImages(double x, double y) throws Exception {
		WorldCoordinates wcs = WorldCoordinates.fromHeader(header(HEADERS.get("SIN_CDELT")));
		assertThat(wcs.yAxisPositionAngleDeg(x, y)).isCloseTo(0, within(0.05));
		assertThat(wcs.pixelAreaDeg2()).isCloseTo(Math.pow(2 / 3600.0, 2), within(1e-15));
	}

	static Header header(String cards) throws HeaderCardException {
		Header header = new Header();
		for (String card : cards.split(" ")) {
			String[] keyValue = card.split("=");
			if (keyValue[1].matches("[-+0-9.eE]+")) {
				header.addValue(keyValue[0], Double.parseDouble(keyValue[1]), "");
			}
			else {
				header.addValue(keyValue[0], keyValue[1], "");
			}
		}
		return header;
	}

}
