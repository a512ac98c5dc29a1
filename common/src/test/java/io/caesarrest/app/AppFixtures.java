package io.caesarrest.app;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Apps for tests, by name instead of by position: {@code AppFixtures.app("sx")
 * .command("/bin/sx").options(...).build()}.
 */
public final class AppFixtures {

	private AppFixtures() {
	}

	/** A native app running {@code /bin/true}, with no options. */
	public static Builder app(String name) {
		return new Builder(name);
	}

	/** Builds one app descriptor; unset parts take the descriptor defaults. */
	public static final class Builder {

		private final String name;

		private @Nullable AppInput input;

		private AppLaunch launch = new AppLaunch(null, null, null, List.of("/bin/true"), null);

		private List<AppOption> options = List.of();

		private @Nullable AppOutputs outputs;

		private Builder(String name) {
			this.name = name;
		}

		/** Runs as this native command (and its fixed arguments, if given). */
		public Builder command(List<String> command, List<String> fixedArgs) {
			this.launch = new AppLaunch(null, null, null, command, fixedArgs);
			return this;
		}

		public Builder command(String... command) {
			return command(List.of(command), List.of());
		}

		/** Runs from this container image only. */
		public Builder image(String image) {
			this.launch = new AppLaunch(image, null, null, null, null);
			return this;
		}

		public Builder input(AppInput input) {
			this.input = input;
			return this;
		}

		public Builder options(AppOption... options) {
			this.options = List.of(options);
			return this;
		}

		public Builder outputs(AppOutputs outputs) {
			this.outputs = outputs;
			return this;
		}

		public App build() {
			return new App(this.name, null, null, this.input, this.launch, null, null, this.outputs, this.options,
					null);
		}

	}

}
