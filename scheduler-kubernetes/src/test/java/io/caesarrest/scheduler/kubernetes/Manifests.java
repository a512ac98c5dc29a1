package io.caesarrest.scheduler.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The manifests of {@code deploy/kubernetes} read into fabric8's typed model, and a check
 * that the model knew every field of them.
 */
final class Manifests {

	static final Path ROOT = Path.of("..", "deploy", "kubernetes");

	private Manifests() {
	}

	/** Every YAML file under a dir that is not a kustomization. */
	static List<Path> files(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((file) -> file.toString().endsWith(".yaml"))
				.filter((file) -> !file.getFileName().toString().equals("kustomization.yaml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The resources of the files, one per YAML document. */
	static List<HasMetadata> read(List<Path> files) {
		List<HasMetadata> resources = new ArrayList<>();
		for (Path file : files) {
			resources.addAll(read(file));
		}
		return resources;
	}

	static List<HasMetadata> read(Path file) {
		try {
			List<HasMetadata> resources = new ArrayList<>();
			for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
				if (!document.lines().allMatch((line) -> line.isBlank() || line.strip().startsWith("#"))) {
					resources.add(Serialization.unmarshal(document, HasMetadata.class));
				}
			}
			return resources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The pod template of a workload, or null for other kinds. */
	static PodTemplateSpec podTemplate(HasMetadata resource) {
		if (resource instanceof Deployment deployment) {
			return deployment.getSpec().getTemplate();
		}
		if (resource instanceof StatefulSet statefulSet) {
			return statefulSet.getSpec().getTemplate();
		}
		return null;
	}

	/**
	 * The fields the typed model did not know (kept in its additional properties), with
	 * their paths: misspelt or misplaced fields.
	 */
	static List<String> unknownFields(Object value, String path) {
		List<String> unknown = new ArrayList<>();
		collectUnknown(value, path, unknown);
		return unknown;
	}

	private static void collectUnknown(Object value, String path, List<String> unknown) {
		if (value instanceof Collection<?> values) {
			int i = 0;
			for (Object element : values) {
				collectUnknown(element, path + "[" + i++ + "]", unknown);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> collectUnknown(element, path + "." + key, unknown));
			return;
		}
		if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
				continue;
			}
			Object field = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
					unknown.add(path + ": " + extra.keySet());
				}
			}
			else {
				collectUnknown(field, path + "." + getter.getName().substring(3), unknown);
			}
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			return null;
		}
	}

}
