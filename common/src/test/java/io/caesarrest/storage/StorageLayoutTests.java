package io.caesarrest.storage;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owner names on disk: safe, readable, and never shared by two identities.
 */
class StorageLayoutTests {

	@Test
	void keepsPlainNamesAndEncodesEveryOtherCharacter() {
		assertThat(StorageLayout.safeName("anonymous")).isEqualTo("anonymous");
		assertThat(StorageLayout.safeName("alice@example.org")).isEqualTo("alice_40example_2eorg");
		assertThat(StorageLayout.safeName("../etc")).isEqualTo("_2e_2e_2fetc");
		assertThat(StorageLayout.safeName("é")).isEqualTo("_c3_a9");
		assertThat(StorageLayout.safeName("")).isEqualTo("_0");
	}

	@Test
	void neverMapsTwoIdentitiesToOneDirectory() {
		assertThat(StorageLayout.safeName("a.b@x.org")).isNotEqualTo(StorageLayout.safeName("a_b@x.org"));
		assertThat(StorageLayout.safeName("a_40b")).isNotEqualTo(StorageLayout.safeName("a@b"));
	}

	@Test
	void keepsUserDirsInsideTheDataAndJobDirs() {
		StorageLayout layout = new StorageLayout(Path.of("/srv/c"), Path.of("/srv/c/data"), Path.of("/srv/c/jobs"));
		assertThat(layout.userDataDir("../../root").getParent()).isEqualTo(Path.of("/srv/c/data"));
		assertThat(layout.userJobDir("a/b")).isEqualTo(Path.of("/srv/c/jobs/a_2fb"));
	}

}
