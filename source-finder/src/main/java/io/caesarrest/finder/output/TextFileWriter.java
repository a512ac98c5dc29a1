package io.caesarrest.finder.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A UTF-8 file writer that collects text in a {@link StringBuilder} and writes it as
 * bytes every {@value #FLUSH_CHARS} characters. The catalogs are ASCII text, which Java
 * holds one byte a character: a {@link java.io.BufferedWriter} widens every string to
 * {@code char}s and encodes them back, which took about a third of the time spent writing
 * the catalogs of a large field.
 */
final class TextFileWriter extends Writer {

	private static final int FLUSH_CHARS = 1 << 16;

	private final OutputStream out;

	private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);

	/**
	 * Creates (or truncates) a file.
	 * @param path the file
	 * @throws IOException if it cannot be opened
	 */
	TextFileWriter(Path path) throws IOException {
		this.out = Files.newOutputStream(path);
	}

	@Override
	public void write(String text) throws IOException {
		this.buffer.append(text);
		drain(false);
	}

	@Override
	public void write(String text, int offset, int length) throws IOException {
		if (offset == 0 && length == text.length()) {
			this.buffer.append(text);
		}
		else {
			this.buffer.append(text, offset, offset + length);
		}
		drain(false);
	}

	@Override
	public void write(char[] chars, int offset, int length) throws IOException {
		this.buffer.append(chars, offset, length);
		drain(false);
	}

	@Override
	public void write(int c) throws IOException {
		this.buffer.append((char) c);
		drain(false);
	}

	@Override
	public Writer append(CharSequence text) throws IOException {
		this.buffer.append(text);
		drain(false);
		return this;
	}

	private void drain(boolean all) throws IOException {
		int length = this.buffer.length();
		// a pair of surrogates is encoded together
		if (all || (length >= FLUSH_CHARS && !Character.isHighSurrogate(this.buffer.charAt(length - 1)))) {
			this.out.write(this.buffer.toString().getBytes(StandardCharsets.UTF_8));
			this.buffer.setLength(0);
		}
	}

	@Override
	public void flush() throws IOException {
		drain(true);
		this.out.flush();
	}

	@Override
	public void close() throws IOException {
		try {
			flush();
		}
		finally {
			this.out.close();
		}
	}

}
