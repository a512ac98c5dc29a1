package io.caesarrest.scheduler.kubernetes;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.StorageLayout;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * fabric8's mock API server in CRUD mode (expectations first, then CRUD), with a client
 * and schedulers made against it.
 */
final class MockCluster implements AutoCloseable {

	static final String NAMESPACE = "caesar";

	final KubernetesMockServer server;

	final KubernetesClient client;

	private MockCluster(KubernetesMockServer server) {
		this.server = server;
		this.client = server.createClient((builder) -> builder.editOrNewConfig()
			.withRequestRetryBackoffLimit(0)
			.withRequestTimeout(3000)
			.withConnectionTimeout(3000)
			.endConfig());
	}

	static MockCluster start() {
		return start(0);
	}

	/** A server on a given port, 0 for any free one. */
	static MockCluster start(int port) {
		Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
		KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
				new KubernetesMixedDispatcher(responses), false);
		server.init(InetAddress.getLoopbackAddress(), port);
		return new MockCluster(server);
	}

	/** Settings with their defaults, the namespace and the given overrides. */
	static KubernetesSchedulerProperties properties(String... pairs) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("caesar.scheduler.kubernetes.namespace", NAMESPACE);
		values.put("caesar.scheduler.kubernetes.request-timeout", "3s");
		for (String pair : pairs) {
			int equals = pair.indexOf('=');
			values.put("caesar.scheduler.kubernetes." + pair.substring(0, equals), pair.substring(equals + 1));
		}
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("caesar.scheduler.kubernetes",
				KubernetesSchedulerProperties.class);
	}

	static StorageLayout layout(Path home) {
		return new StorageLayout(home, home.resolve("data"), home.resolve("jobs"));
	}

	KubernetesScheduler scheduler(StorageLayout layout, KubernetesSchedulerProperties properties) {
		return scheduler(this.client, layout, properties, Clock.systemUTC());
	}

	static KubernetesScheduler scheduler(KubernetesClient client, StorageLayout layout,
			KubernetesSchedulerProperties properties, Clock clock) {
		return KubernetesSchedulerAutoConfiguration.create(client, properties, layout, new AppCatalog(null), clock);
	}

	/** A launch of an image app (caesar) by bob. */
	static JobLaunch imageLaunch(StorageLayout layout) {
		String id = Ids.newId();
		return new JobLaunch(id, "bob", "caesar", List.of("--run", "--inputfile=/data/x.fits"),
				"sriggi/caesar-job:latest", null, Map.of(), layout.jobDir("bob", id), 1, 1, Duration.ofHours(1));
	}

	static Execution awaitState(KubernetesScheduler scheduler, SchedulerRef ref, JobState state) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> scheduler.poll(List.of(ref)).get(ref),
					(execution) -> execution != null && execution.state() == state);
	}

	List<Job> jobs() {
		return this.client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems();
	}

	/** Writes a Job's status, as the Job controller would. */
	void jobStatus(SchedulerRef ref, JobStatus status) {
		this.client.batch().v1().jobs().inNamespace(NAMESPACE).withName(ref.value()).editStatus((job) -> {
			job.setStatus(status);
			return job;
		});
	}

	/**
	 * Creates the pod of a Job with a status, as the Job controller and kubelet would.
	 */
	void pod(SchedulerRef ref, PodStatus status) {
		Job job = this.client.batch().v1().jobs().inNamespace(NAMESPACE).withName(ref.value()).get();
		Pod pod = this.client.pods()
			.inNamespace(NAMESPACE)
			.resource(new PodBuilder().withNewMetadata()
				.withName(ref.value() + "-abcde")
				.withLabels(job.getSpec().getTemplate().getMetadata().getLabels())
				.endMetadata()
				.build())
			.create();
		this.client.pods().inNamespace(NAMESPACE).resource(pod).editStatus((p) -> {
			p.setStatus(status);
			return p;
		});
	}

	@Override
	public void close() {
		this.client.close();
		this.server.destroy();
	}

}
