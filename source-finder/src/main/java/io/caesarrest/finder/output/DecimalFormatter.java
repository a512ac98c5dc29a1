package io.caesarrest.finder.output;

import java.nio.charset.StandardCharsets;

/**
 * Formats doubles with a fixed number of significant digits without
 * {@link String#format}, which is too slow for catalogs with many thousands of rows.
 */
final class DecimalFormatter {

	private static final int DIGITS = 10;

	private static final double[] POWERS = new double[19];

	static {
		POWERS[0] = 1;
		for (int i = 1; i < POWERS.length; i++) {
			POWERS[i] = POWERS[i - 1] * 10;
		}
	}

	private DecimalFormatter() {
	}

	/**
	 * Formats a finite value with ten significant digits; trailing zeros are removed.
	 */
	static String format(double value) {
		if (value == 0) {
			return "0";
		}
		double magnitude = Math.abs(value);
		int exponent = (int) Math.floor(Math.log10(magnitude));
		if (exponent < -4 || exponent > 12) {
			return scientific(value, exponent);
		}
		int decimals = Math.max(0, DIGITS - 1 - exponent);
		long scaled = Math.round(magnitude * POWERS[decimals]);
		return fixed(value < 0, scaled, decimals);
	}

	private static String scientific(double value, int exponent) {
		double mantissa = Math.abs(value) / Math.pow(10, exponent);
		long scaled = Math.round(mantissa * POWERS[DIGITS - 1]);
		if (scaled >= (long) POWERS[DIGITS]) {
			scaled /= 10;
			exponent++;
		}
		return fixed(value < 0, scaled, DIGITS - 1) + "e" + exponent;
	}

	private static String fixed(boolean negative, long value, int places) {
		long scaled = value;
		int decimals = places;
		while (decimals > 0 && scaled % 10 == 0) {
			scaled /= 10;
			decimals--;
		}
		// bytes, from which the string is made without the narrowing a char[] needs
		byte[] buffer = new byte[32];
		int position = buffer.length;
		int digits = 0;
		do {
			buffer[--position] = (byte) ('0' + scaled % 10);
			scaled /= 10;
			digits++;
			if (digits == decimals) {
				buffer[--position] = '.';
			}
		}
		while (scaled > 0 || digits <= decimals);
		if (negative) {
			buffer[--position] = '-';
		}
		return new String(buffer, position, buffer.length - position, StandardCharsets.ISO_8859_1);
	}

}
