package io.caesarrest.finder.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.caesarrest.finder.wcs.SkyPosition;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;

/**
 * A published component catalog (Aegean's FITS table: {@code ra}, {@code dec} in degrees,
 * {@code peak_flux} in Jy/beam, {@code int_flux} in Jy) and a one-to-one sky cross-match
 * of a finder's components with it, nearest pairs first.
 */
public final class ReferenceCatalog {

	private final List<Entry> entries;

	private ReferenceCatalog(List<Entry> entries) {
		this.entries = entries;
	}

	/**
	 * Reads the first binary table of a FITS file.
	 * @param file the FITS file
	 * @return the catalog
	 * @throws IOException if the file cannot be read
	 */
	public static ReferenceCatalog read(Path file) throws IOException {
		try (Fits fits = new Fits(file.toFile())) {
			for (BasicHDU<?> hdu = fits.readHDU(); hdu != null; hdu = fits.readHDU()) {
				if (hdu instanceof BinaryTableHDU table) {
					return new ReferenceCatalog(entries(table));
				}
			}
			throw new IOException("no binary table in " + file);
		}
		catch (FitsException ex) {
			throw new IOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static List<Entry> entries(BinaryTableHDU hdu) throws FitsException {
		BinaryTable table = hdu.getData();
		int ra = hdu.findColumn("ra");
		int dec = hdu.findColumn("dec");
		int peak = hdu.findColumn("peak_flux");
		int integrated = hdu.findColumn("int_flux");
		List<Entry> entries = new ArrayList<>();
		for (int row = 0; row < table.getNRows(); row++) {
			entries.add(new Entry(new SkyPosition(table.getDouble(row, ra), table.getDouble(row, dec)),
					table.getDouble(row, peak), table.getDouble(row, integrated)));
		}
		return entries;
	}

	/**
	 * Returns the entries.
	 * @return the entries in table order
	 */
	public List<Entry> entries() {
		return this.entries;
	}

	/**
	 * Matches positions to the entries one to one, nearest pairs first.
	 * @param found the positions to match
	 * @param radiusDeg the match radius in degrees
	 * @return for each position the matched entry index, or -1
	 */
	public int[] match(List<SkyPosition> found, double radiusDeg) {
		List<double[]> pairs = new ArrayList<>();
		for (int i = 0; i < found.size(); i++) {
			for (int j = 0; j < this.entries.size(); j++) {
				double separation = found.get(i).separationDeg(this.entries.get(j).position());
				if (separation <= radiusDeg) {
					pairs.add(new double[] { separation, i, j });
				}
			}
		}
		pairs.sort((a, b) -> Double.compare(a[0], b[0]));
		int[] matched = new int[found.size()];
		boolean[] taken = new boolean[this.entries.size()];
		Arrays.fill(matched, -1);
		for (double[] pair : pairs) {
			int i = (int) pair[1];
			int j = (int) pair[2];
			if (matched[i] < 0 && !taken[j]) {
				matched[i] = j;
				taken[j] = true;
			}
		}
		return matched;
	}

	/**
	 * One catalog entry.
	 *
	 * @param position the sky position
	 * @param peakFlux the peak flux in Jy/beam
	 * @param intFlux the integrated flux in Jy
	 */
	public record Entry(SkyPosition position, double peakFlux, double intFlux) {

	}

}
