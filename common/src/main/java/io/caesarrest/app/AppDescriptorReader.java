package io.caesarrest.app;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.convert.DurationStyle;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one YAML app descriptor and checks it, failing with a message that names the file
 * and the field.
 */
final class AppDescriptorReader {

	private final ObjectMapper mapper = YAMLMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.addModule(new SimpleModule().addDeserializer(Duration.class, new SimpleDurationDeserializer()))
		.build();

	App read(String source, InputStream content) {
		App app;
		try {
			app = this.mapper.readValue(content, App.class);
		}
		catch (JacksonException ex) {
			throw new InvalidAppDescriptorException(source, field(ex) + ex.getOriginalMessage(), ex);
		}
		if (app == null) {
			throw new InvalidAppDescriptorException(source, "the file is empty");
		}
		List<String> problems = AppDescriptorChecks.check(app);
		if (!problems.isEmpty()) {
			throw new InvalidAppDescriptorException(source, String.join("; ", problems));
		}
		return app;
	}

	private static String field(JacksonException ex) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.isEmpty() ? "" : "field '" + field + "': ";
	}

	/**
	 * Reads durations written as {@code 24h} or {@code 90m} as well as ISO-8601.
	 */
	private static final class SimpleDurationDeserializer extends ValueDeserializer<Duration> {

		@Override
		public Duration deserialize(JsonParser parser, DeserializationContext context) {
			String text = parser.getValueAsString();
			try {
				return DurationStyle.detectAndParse(text);
			}
			catch (IllegalArgumentException ex) {
				return (Duration) context.handleWeirdStringValue(Duration.class, text,
						"not a duration like 24h, 90m or PT1H");
			}
		}

	}

}
