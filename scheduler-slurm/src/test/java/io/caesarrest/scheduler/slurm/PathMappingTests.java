package io.caesarrest.scheduler.slurm;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Translation of the service's paths into the cluster's.
 */
class PathMappingTests {

	private final PathMapping mapping = new PathMapping(Map.of(Path.of("/srv/data"), Path.of("/lustre/caesar/data"),
			Path.of("/srv/data/jobs"), Path.of("/scratch/jobs"), Path.of("/srv/same"), Path.of("/srv/same")));

	@Test
	void remapsPathsAndPathsInsideOptions() {
		assertThat(this.mapping.toCluster("/srv/data/alice/a.fits")).isEqualTo("/lustre/caesar/data/alice/a.fits");
		assertThat(this.mapping.toCluster("--inputfile=/srv/data/alice/a.fits"))
			.isEqualTo("--inputfile=/lustre/caesar/data/alice/a.fits");
		assertThat(this.mapping.toCluster("/srv/data")).isEqualTo("/lustre/caesar/data");
		assertThat(this.mapping.toCluster("--inputs=/srv/data/a,/srv/data/b"))
			.isEqualTo("--inputs=/lustre/caesar/data/a,/lustre/caesar/data/b");
	}

	@Test
	void prefersTheLongestServicePath() {
		assertThat(this.mapping.toCluster(Path.of("/srv/data/jobs/alice/job_1")))
			.isEqualTo(Path.of("/scratch/jobs/alice/job_1"));
	}

	@Test
	void leavesOtherPathsAndPartialNamesAlone() {
		assertThat(this.mapping.toCluster("/srv/database/a")).isEqualTo("/srv/database/a");
		assertThat(this.mapping.toCluster("/other/srv/data/a")).isEqualTo("/other/srv/data/a");
		assertThat(this.mapping.toCluster("x/srv/data/a")).isEqualTo("x/srv/data/a");
		assertThat(this.mapping.toCluster("/srv/same/a")).isEqualTo("/srv/same/a");
		assertThat(this.mapping.toCluster("--threshold=5")).isEqualTo("--threshold=5");
	}

	@Test
	void keepsReplacementTextLiteral() {
		PathMapping dollar = new PathMapping(Map.of(Path.of("/srv/data"), Path.of("/c/$1\\x")));
		assertThat(dollar.toCluster("/srv/data/a")).isEqualTo("/c/$1\\x/a");
	}

}
