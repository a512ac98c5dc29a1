package io.caesarrest.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The apps users can run: the descriptors on the classpath ({@code apps/*.yaml}) plus
 * those of an optional site directory, which add apps or override them by name.
 */
public class AppCatalog {

	/** Where the built-in descriptors are on the classpath. */
	public static final String CLASSPATH_DESCRIPTORS = "classpath*:apps/*.yaml";

	private static final Comparator<App> LIST_ORDER = Comparator
		.comparing(App::order, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(App::name);

	private final List<App> apps;

	private final Map<String, App> byName = new LinkedHashMap<>();

	/**
	 * Load the built-in descriptors and those of a site directory.
	 * @param siteDir a directory whose {@code *.yaml} descriptors add or override apps,
	 * or {@code null} for none
	 * @throws InvalidAppDescriptorException if a descriptor is malformed
	 */
	public AppCatalog(@Nullable Path siteDir) {
		this(load(siteDir));
	}

	/**
	 * Load the built-in descriptors and those of a site directory, then apply the site's
	 * per-app settings.
	 * @param siteDir a directory whose {@code *.yaml} descriptors add or override apps,
	 * or {@code null} for none
	 * @param settings app name to its settings ({@code caesar.apps.<app>.*})
	 * @throws InvalidAppDescriptorException if a descriptor is malformed or a setting
	 * names no app
	 */
	public AppCatalog(@Nullable Path siteDir, Map<String, AppSettings> settings) {
		this(withSettings(load(siteDir), settings));
	}

	private AppCatalog(Collection<App> apps) {
		this.apps = apps.stream()
			.filter((app) -> app.enabledIfExists() == null || Files.exists(Path.of(app.enabledIfExists())))
			.sorted(LIST_ORDER)
			.toList();
		for (App app : this.apps) {
			if (this.byName.put(app.name(), app) != null) {
				throw new IllegalArgumentException("Two apps are named '" + app.name() + "'");
			}
		}
	}

	/**
	 * Create a catalog of the given apps, for tests and embedding.
	 * @param apps the apps, with unique names
	 * @return the catalog
	 */
	public static AppCatalog of(Collection<App> apps) {
		return new AppCatalog(apps);
	}

	/**
	 * Return the apps in list order: by their {@code order}, then by name.
	 * @return the apps
	 */
	public List<App> apps() {
		return this.apps;
	}

	/**
	 * Find an app by name.
	 * @param name the app name
	 * @return the app, empty when there is none of that name
	 */
	public Optional<App> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	private static Collection<App> withSettings(Collection<App> apps, Map<String, AppSettings> settings) {
		Map<String, App> byName = new LinkedHashMap<>();
		apps.forEach((app) -> byName.put(app.name(), app));
		settings.forEach((name, setting) -> {
			App app = byName.get(name);
			if (app == null) {
				throw new InvalidAppDescriptorException("caesar.apps." + name,
						"no app is named '" + name + "'; apps: " + String.join(", ", byName.keySet()));
			}
			byName.put(name, app.with(setting));
		});
		return byName.values();
	}

	private static Collection<App> load(@Nullable Path siteDir) {
		AppDescriptorReader reader = new AppDescriptorReader();
		Map<String, App> apps = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		for (Resource resource : classpathDescriptors()) {
			String source = resource.getDescription();
			App app = read(reader, source, resource);
			String previous = sources.putIfAbsent(app.name(), source);
			if (previous != null) {
				throw new InvalidAppDescriptorException(source, "app '" + app.name() + "' is also in " + previous);
			}
			apps.put(app.name(), app);
		}
		if (siteDir != null) {
			for (Path file : siteDescriptors(siteDir)) {
				App app = read(reader, file.toString(), new FileSystemResource(file));
				apps.put(app.name(), app);
			}
		}
		return apps.values();
	}

	private static App read(AppDescriptorReader reader, String source, Resource resource) {
		try (InputStream content = resource.getInputStream()) {
			return reader.read(source, content);
		}
		catch (IOException ex) {
			throw new InvalidAppDescriptorException(source, "cannot be read: " + ex.getMessage(), ex);
		}
	}

	private static List<Resource> classpathDescriptors() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(CLASSPATH_DESCRIPTORS);
			List<Resource> distinct = new ArrayList<>();
			for (Resource resource : resources) {
				if (!distinct.contains(resource)) {
					distinct.add(resource);
				}
			}
			return distinct;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list app descriptors " + CLASSPATH_DESCRIPTORS, ex);
		}
	}

	private static List<Path> siteDescriptors(Path siteDir) {
		if (!Files.isDirectory(siteDir)) {
			throw new InvalidAppDescriptorException(siteDir.toString(), "the site apps directory does not exist");
		}
		try (Stream<Path> files = Files.list(siteDir)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list app descriptors in " + siteDir, ex);
		}
	}

}
