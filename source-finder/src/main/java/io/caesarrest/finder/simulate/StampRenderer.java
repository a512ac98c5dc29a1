package io.caesarrest.finder.simulate;

/**
 * Adds one elliptical Gaussian to an image on a small stamp around its centre.
 */
final class StampRenderer {

	private StampRenderer() {
	}

	static void render(float[] pixels, int size, TruthSource source) {
		double sMajor = SourceGenerator.sigmaPixels(source.major());
		double sMinor = SourceGenerator.sigmaPixels(source.minor());
		double theta = Math.toRadians(source.pa() + 90);
		double cos = Math.cos(theta);
		double sin = Math.sin(theta);
		int radius = (int) Math.ceil(5 * sMajor);
		int cx = (int) Math.round(source.x());
		int cy = (int) Math.round(source.y());
		for (int y = Math.max(0, cy - radius); y <= Math.min(size - 1, cy + radius); y++) {
			for (int x = Math.max(0, cx - radius); x <= Math.min(size - 1, cx + radius); x++) {
				double dx = x - source.x();
				double dy = y - source.y();
				double u = dx * cos + dy * sin;
				double v = -dx * sin + dy * cos;
				double e = Math.exp(-0.5 * (u * u / (sMajor * sMajor) + v * v / (sMinor * sMinor)));
				pixels[y * size + x] += (float) (source.peakFlux() * e);
			}
		}
	}

}
