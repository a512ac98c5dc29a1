package io.caesarrest.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Expands the {@code {java-main:<class>}} entry of a native command into the argv that
 * starts that class in a new JVM with this service's own class path, whether the service
 * runs from its executable jar or from a plain class path.
 */
public final class JavaMainCommand {

	private static final String PREFIX = "{java-main:";

	private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	private static final List<String> JVM_OPTIONS = List.of("-Djava.awt.headless=true", "-XX:MaxRAMPercentage=50",
			"-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1");

	private JavaMainCommand() {
	}

	/**
	 * Returns the argv with every {@code {java-main:<class>}} entry expanded.
	 * @param argv a command line
	 * @return the expanded command line
	 */
	public static List<String> expand(List<String> argv) {
		List<String> expanded = new ArrayList<>(argv.size() + 6);
		for (String arg : argv) {
			if (isJavaMain(arg)) {
				expanded.addAll(command(mainClass(arg), JVM_OPTIONS));
			}
			else {
				expanded.add(arg);
			}
		}
		return expanded;
	}

	/**
	 * Returns the main class of a command line that starts with a
	 * {@code {java-main:<class>}} entry.
	 * @param argv a command line
	 * @return the class, empty when the command starts otherwise
	 */
	public static Optional<String> mainClass(List<String> argv) {
		return (!argv.isEmpty() && isJavaMain(argv.get(0))) ? Optional.of(mainClass(argv.get(0))) : Optional.empty();
	}

	private static boolean isJavaMain(String arg) {
		return arg.startsWith(PREFIX) && arg.endsWith("}");
	}

	private static String mainClass(String arg) {
		return arg.substring(PREFIX.length(), arg.length() - 1);
	}

	/**
	 * Returns the argv that starts a main class in a new JVM with this service's class
	 * path.
	 * @param mainClass the class
	 * @param jvmOptions every option of the JVM
	 * @return the command line
	 */
	public static List<String> command(String mainClass, List<String> jvmOptions) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		String classPath = System.getProperty("java.class.path");
		if (isBootJar(classPath)) {
			command.addAll(List.of("-Dloader.main=" + mainClass, "-cp", Path.of(classPath).toAbsolutePath().toString(),
					BOOT_LAUNCHER));
		}
		else {
			command.addAll(List.of("-cp", absolute(classPath), mainClass));
		}
		return command;
	}

	/**
	 * Returns the Spring Boot executable jar this service runs from, if it does.
	 * @return the jar, empty when the service runs from a plain class path
	 */
	public static Optional<Path> executableJar() {
		String classPath = System.getProperty("java.class.path");
		return isBootJar(classPath) ? Optional.of(Path.of(classPath).toAbsolutePath()) : Optional.empty();
	}

	private static boolean isBootJar(String classPath) {
		if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")
				|| !Files.isRegularFile(Path.of(classPath))) {
			return false;
		}
		try (JarFile jar = new JarFile(classPath)) {
			// an executable jar starts Spring Boot's launcher; an extracted one (a
			// container
			// image's layers) starts the app with its libraries on its Class-Path
			String main = (jar.getManifest() != null) ? jar.getManifest().getMainAttributes().getValue("Main-Class")
					: null;
			return main != null && main.startsWith("org.springframework.boot.loader.");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String absolute(String classPath) {
		List<String> entries = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			entries.add(entry.isEmpty() ? entry : Path.of(entry).toAbsolutePath().toString());
		}
		return String.join(File.pathSeparator, entries);
	}

}
