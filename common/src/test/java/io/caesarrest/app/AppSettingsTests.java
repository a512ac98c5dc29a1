package io.caesarrest.app;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A site's per-app settings ({@code caesar.apps.<app>.*}) applied over the descriptors.
 */
class AppSettingsTests {

	@Test
	void anImageMakesANativeAppRunFromItWhereverItsToolIsInstalledOrNot() {
		AppCatalog catalog = new AppCatalog(null,
				Map.of("sextractor", new AppSettings("caesar-rest/sextractor-job:1", null, null, null)));
		App sextractor = catalog.find("sextractor").orElseThrow();
		assertThat(sextractor.launch().isNative()).isFalse();
		assertThat(sextractor.launch().image()).isEqualTo("caesar-rest/sextractor-job:1");
		assertThat(sextractor.enabledIfExists()).isNull();
		// the image gets the app's own arguments: fixed ones and the input first, no
		// shell script
		assertThat(sextractor.launch().fixedArgs()).contains("-CATALOG_NAME", "catalog-sextractor.dat");
	}

	@Test
	void weightsReplaceTheDescriptorsAndAreMountedWithTheOtherMounts() {
		AppCatalog catalog = new AppCatalog(null, Map.of("mrcnn",
				new AppSettings(null, "/opt/sif/mrcnn.sif", "/models/mrcnn.h5", List.of("/models/config"))));
		AppLaunch mrcnn = catalog.find("mrcnn").orElseThrow().launch();
		assertThat(mrcnn.fixedArgs()).containsExactly("--runmode=detect", "--weights=/models/mrcnn.h5");
		assertThat(mrcnn.mounts()).containsExactly("/models/mrcnn.h5", "/models/config");
		assertThat(mrcnn.singularity()).isEqualTo("/opt/sif/mrcnn.sif");
		assertThat(mrcnn.image()).isEqualTo("sriggi/mrcnn-detect:latest");
	}

	@Test
	void aSettingOfNoAppStopsTheStartNamingTheApps() {
		assertThatExceptionOfType(InvalidAppDescriptorException.class)
			.isThrownBy(() -> new AppCatalog(null, Map.of("mrccn", new AppSettings("x", null, null, null))))
			.withMessageContaining("caesar.apps.mrccn")
			.withMessageContaining("mrcnn");
	}

	@Test
	void bindsTheSettingsBesideTheSiteDirectoryFromPropertiesAndEnvironmentNames() {
		MockEnvironment environment = new MockEnvironment().withProperty("caesar.apps.dir", "/etc/caesar/apps")
			.withProperty("caesar.apps.aegean.image", "registry.example.org/aegean-job:2")
			.withProperty("caesar.apps.mrcnn.weights", "/models/mrcnn.h5")
			.withProperty("caesar.apps.mrcnn.mounts[0]", "/models/config");
		Map<String, AppSettings> settings = AppAutoConfiguration.settings(environment);
		assertThat(settings).containsOnlyKeys("aegean", "mrcnn");
		assertThat(settings.get("aegean").image()).isEqualTo("registry.example.org/aegean-job:2");
		assertThat(settings.get("mrcnn").weights()).isEqualTo("/models/mrcnn.h5");
		assertThat(settings.get("mrcnn").mounts()).containsExactly("/models/config");
	}

}
