package io.caesarrest.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storage settings: the home dir and, optionally, separate data and job dirs.
 *
 * @param home top directory of everything the service stores
 * @param datadir directory of uploaded files, {@code <home>/data} when unset
 * @param jobdir directory of job directories, {@code <home>/jobs} when unset
 */
@ConfigurationProperties("caesar")
public record StorageProperties(@DefaultValue("./caesar-home") Path home, Path datadir, Path jobdir) {

	public StorageLayout layout() {
		Path top = this.home.toAbsolutePath().normalize();
		return new StorageLayout(top, (this.datadir != null) ? this.datadir : top.resolve("data"),
				(this.jobdir != null) ? this.jobdir : top.resolve("jobs"));
	}

}
