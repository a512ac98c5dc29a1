package io.caesarrest.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * An analysis app users can run, described by data: its options, how it is launched, the
 * resources it needs and the outputs it writes.
 *
 * @param name the app name used in job requests
 * @param description a short human description
 * @param order the position in the app list, {@code null} to sort after the ordered apps
 * @param input how the data input is passed
 * @param launch how the app is started
 * @param resources resource hints
 * @param runOptions which options size the job
 * @param outputs globs of the output files
 * @param options the options in command-line order
 * @param enabledIfExists a path that must exist for the app to be offered, {@code null}
 * when always offered
 */
public record App(String name, String description, @Nullable Integer order, AppInput input, AppLaunch launch,
		AppResources resources, RunOptions runOptions, AppOutputs outputs, List<AppOption> options,
		@Nullable String enabledIfExists) {

	/** Placeholder in fixed arguments for the job's id. */
	public static final String JOB_ID = "{job-id}";

	public App {
		description = (description != null) ? description : "";
		input = (input != null) ? input : AppInput.DEFAULT;
		launch = (launch != null) ? launch : new AppLaunch(null, null, null, null, null);
		resources = (resources != null) ? resources : AppResources.DEFAULT;
		runOptions = (runOptions != null) ? runOptions : RunOptions.NONE;
		outputs = (outputs != null) ? outputs : AppOutputs.NONE;
		options = (options != null) ? List.copyOf(options) : List.of();
	}

	/**
	 * Return this app with a site's settings applied to its launch. An app given an image
	 * runs from it, so a native app's {@code enabled-if-exists} no longer applies.
	 * @param settings the site's settings of this app
	 * @return the app to offer
	 */
	public App with(AppSettings settings) {
		return new App(this.name, this.description, this.order, this.input, this.launch.with(settings), this.resources,
				this.runOptions, this.outputs, this.options, (settings.image() != null) ? null : this.enabledIfExists);
	}

	/**
	 * Find the option a request key names, by its name or one of its aliases.
	 * @param key the request key
	 * @return the option, empty when the app has none of that name
	 */
	public Optional<AppOption> option(String key) {
		return this.options.stream().filter((option) -> option.isNamed(key)).findFirst();
	}

	/**
	 * Return the original service's describe object: option name to its sorted schema
	 * fields, sorted by name; forced options are left out.
	 * @return the describe object, ready to be written as JSON
	 */
	@JsonIgnore
	public Map<String, Map<String, Object>> describe() {
		return AppDescription.of(this);
	}

	/**
	 * Return the full argv of a job of this app: the native command (for native apps),
	 * the fixed arguments, the option arguments and the input argument. No entry is ever
	 * parsed by a shell.
	 * @param options the validated options
	 * @param input the input's path
	 * @return the argv list
	 */
	public List<String> commandLine(ValidatedOptions options, Path input) {
		return commandLine(options, input, null);
	}

	/**
	 * Return the full argv of a job of this app, with {@value #JOB_ID} in the fixed
	 * arguments replaced by the job's id (user values are never expanded).
	 * @param options the validated options
	 * @param input the input's path
	 * @param jobId the job's id, {@code null} to leave the placeholder as it is
	 * @return the argv list
	 */
	public List<String> commandLine(ValidatedOptions options, Path input, @Nullable String jobId) {
		List<String> argv = new ArrayList<>(this.launch.nativeCommand());
		List<String> inputArguments = this.input.arguments(input);
		if (this.input.position() == InputPosition.FIRST) {
			argv.addAll(inputArguments);
		}
		for (String fixed : this.launch.fixedArgs()) {
			argv.add((jobId != null) ? fixed.replace(JOB_ID, jobId) : fixed);
		}
		argv.addAll(options.arguments());
		if (this.input.position() == InputPosition.LAST) {
			argv.addAll(inputArguments);
		}
		return List.copyOf(argv);
	}

}
