package io.caesarrest.finder.output;

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

	private static String fixed(boolean negative, long scaled, int decimals) {
		StringBuilder digits = new StringBuilder(Long.toString(scaled));
		while (digits.length() <= decimals) {
			digits.insert(0, '0');
		}
		if (decimals > 0) {
			digits.insert(digits.length() - decimals, '.');
			int end = digits.length();
			while (digits.charAt(end - 1) == '0') {
				end--;
			}
			digits.setLength((digits.charAt(end - 1) == '.') ? end - 1 : end);
		}
		return negative ? "-" + digits : digits.toString();
	}

}
