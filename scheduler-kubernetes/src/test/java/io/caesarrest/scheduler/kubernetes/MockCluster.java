package io.caesarrest.scheduler.kubernetes;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;

import io.caesarrest.app.AppCatalog;
import io.caesarrest.storage.StorageLayout;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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

	@Override
	public void close() {
		this.client.close();
		this.server.destroy();
	}

}
