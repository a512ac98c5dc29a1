package io.caesarrest.scheduler.kubernetes;

import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerContractTests;
import io.caesarrest.storage.StorageLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The scheduler contract on fabric8's mock API server in CRUD mode, with a fake kubelet
 * that runs each Job's container command as a local process.
 */
class KubernetesSchedulerContractIntegrationTests extends SchedulerContractTests {

	private MockCluster cluster;

	private FakeKubelet kubelet;

	private KubernetesScheduler scheduler;

	@BeforeEach
	void startCluster() {
		this.cluster = MockCluster.start();
		this.kubelet = new FakeKubelet(this.cluster);
		// the contract's job dirs are directly under its temp dir: that is the job dir
		StorageLayout layout = new StorageLayout(this.tempDir, this.tempDir.resolve("data"), this.tempDir);
		this.scheduler = this.cluster.scheduler(layout,
				MockCluster.properties("native-image=registry.example/caesar-rest:test"));
	}

	@AfterEach
	void stopCluster() {
		this.scheduler.close();
		this.kubelet.close();
		this.cluster.close();
	}

	@Override
	protected Scheduler scheduler() {
		return this.scheduler;
	}

}
