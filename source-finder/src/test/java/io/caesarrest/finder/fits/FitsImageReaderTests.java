package io.caesarrest.finder.fits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.util.FitsOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FitsImageReaderTests {

	@TempDir
	Path dir;

	@Test
	void appliesScaleZeroAndBlankToShortPixels() throws Exception {
		short[][] data = { { 1, 2, 3 }, { -32768, 10, 20 } };
		Path file = write(data, Map.of("BSCALE", 0.5, "BZERO", 100.0, "BLANK", -32768));
		FitsImage image = new FitsImageReader().read(file);
		assertThat(image.width()).isEqualTo(3);
		assertThat(image.height()).isEqualTo(2);
		assertThat(image.get(0, 0)).isEqualTo(100.5f);
		assertThat(image.get(2, 0)).isEqualTo(101.5f);
		assertThat(image.get(0, 1)).isNaN();
		assertThat(image.get(2, 1)).isEqualTo(110f);
	}

	@Test
	void readsUnsignedBytesIntsAndDoubles() throws Exception {
		assertThat(new FitsImageReader().read(write(new byte[][] { { (byte) 200, 1 }, { 2, 3 } }, Map.of())).get(0, 0))
			.isEqualTo(200f);
		assertThat(new FitsImageReader().read(write(new int[][] { { 70000, 1 }, { 2, 3 } }, Map.of("BZERO", 1.0)))
			.get(0, 0)).isEqualTo(70001f);
		assertThat(new FitsImageReader().read(write(new double[][] { { 1.25, Double.NaN }, { 2, 3 } }, Map.of()))
			.get(1, 0)).isNaN();
	}

	@Test
	void readsFourDimensionalImageWithDegenerateAxes() throws Exception {
		float[][][][] data = new float[1][1][4][5];
		data[0][0][3][2] = 7.5f;
		FitsImage image = new FitsImageReader().read(write(data, Map.of("BUNIT", "JY/BEAM")));
		assertThat(image.width()).isEqualTo(5);
		assertThat(image.height()).isEqualTo(4);
		assertThat(image.get(2, 3)).isEqualTo(7.5f);
		assertThat(image.isPerBeam()).isTrue();
	}

	@Test
	void rejectsCubeWithRealThirdAxis() throws Exception {
		Path file = write(new float[3][4][5], Map.of());
		assertThatThrownBy(() -> new FitsImageReader().read(file)).isInstanceOf(UnsupportedImageException.class)
			.hasMessageContaining("axis 3")
			.hasMessageContaining("3 planes");
	}

	@Test
	void rejectsFileWithoutImage() throws Exception {
		Path file = this.dir.resolve("empty.fits");
		Header header = new Header();
		header.addValue("SIMPLE", true, "");
		header.addValue("BITPIX", 8, "");
		header.addValue("NAXIS", 0, "");
		try (FitsOutputStream out = new FitsOutputStream(Files.newOutputStream(file))) {
			header.write(out);
		}
		assertThatThrownBy(() -> new FitsImageReader().read(file)).isInstanceOf(UnsupportedImageException.class)
			.hasMessageContaining("no image HDU");
	}

	@Test
	void rejectsMissingAndNonFitsFiles() throws Exception {
		Path text = Files.writeString(this.dir.resolve("text.fits"), "not a FITS file at all");
		assertThatThrownBy(() -> new FitsImageReader().read(this.dir.resolve("missing.fits")))
			.isInstanceOf(UnsupportedImageException.class);
		assertThatThrownBy(() -> new FitsImageReader().read(text)).isInstanceOf(UnsupportedImageException.class)
			.hasMessageContaining("not a FITS file");
	}

	@Test
	void roundTripsWriterOutputWithBeamAndWcs() {
		Map<String, Object> cards = new LinkedHashMap<>();
		cards.put("BUNIT", "JY/BEAM");
		cards.put("BMAJ", 0.002);
		cards.put("BMIN", 0.001);
		cards.put("CTYPE1", "RA---SIN");
		cards.put("CTYPE2", "DEC--SIN");
		cards.put("CDELT1", -0.0005);
		cards.put("CDELT2", 0.0005);
		float[] pixels = new float[7 * 3];
		pixels[7 + 4] = 2.5f;
		Path file = this.dir.resolve("round.fits");
		new FitsImageWriter().write(file, 7, 3, pixels, cards);
		FitsImage image = new FitsImageReader().read(file);
		assertThat(image.get(4, 1)).isEqualTo(2.5f);
		assertThat(image.beam().majorDeg()).isEqualTo(0.002);
		assertThat(image.beamAreaPixels()).isCloseTo(Math.PI / (4 * Math.log(2)) * 8, within(1e-9));
		assertThat(image.wcs()).isNotNull();
		assertThat(file.toFile().length() % 2880).isZero();
	}

	private Path write(Object data, Map<String, Object> cards) throws Exception {
		BasicHDU<?> hdu = Fits.makeHDU(data);
		for (Map.Entry<String, Object> card : cards.entrySet()) {
			if (card.getValue() instanceof Number number) {
				hdu.getHeader().addValue(card.getKey(), number, "");
			}
			else {
				hdu.getHeader().addValue(card.getKey(), card.getValue().toString(), "");
			}
		}
		Path file = Files.createTempFile(this.dir, "image", ".fits");
		try (Fits fits = new Fits()) {
			fits.addHDU(hdu);
			fits.write(file.toFile());
		}
		return file;
	}

}
