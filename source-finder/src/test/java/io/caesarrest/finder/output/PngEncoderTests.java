package io.caesarrest.finder.output;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PngEncoderTests {

	@Test
	void writesAPaletteImageThatDecodesToTheSamePixels() throws Exception {
		System.setProperty("java.awt.headless", "true");
		int width = 300;
		int height = 7;
		byte[] palette = { 0, 0, 0, (byte) 128, (byte) 128, (byte) 128, (byte) 255, 0, 0, (byte) 255, (byte) 255, 0 };
		byte[] pixels = new byte[width * height];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = (byte) ((i * 7 + i / width) % 4);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PngEncoder.write(pixels, width, height, palette, out);
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
		assertThat(decoded.getWidth()).isEqualTo(width);
		assertThat(decoded.getHeight()).isEqualTo(height);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int entry = pixels[y * width + x];
				int rgb = ((palette[3 * entry] & 0xff) << 16) | ((palette[3 * entry + 1] & 0xff) << 8)
						| (palette[3 * entry + 2] & 0xff);
				assertThat(decoded.getRGB(x, y) & 0xffffff).as("pixel %d, %d", x, y).isEqualTo(rgb);
			}
		}
	}

}
