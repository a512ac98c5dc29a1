package io.caesarrest.scheduler.kubernetes;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.storage.Ids;
import io.caesarrest.storage.StorageLayout;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitor's Role in {@code deploy/kubernetes} allows every call the backend makes:
 * the backend's requests to the mock API server through a whole life (submit, repeated
 * submit, watch, end with pod and log, cancel) are turned into RBAC verbs and checked
 * against the Role's rules; the REST API may only delete Jobs (cancel); and no
 * cluster-wide right is granted.
 */
class KubernetesRoleTests {

	private static final String AGENT = "caesar-rest-backend-under-test";

	private static final Pattern PATH = Pattern
		.compile("/(?:api/v1|apis/([^/]+)/[^/]+)/namespaces/[^/]+/([^/?]+)(?:/([^/?]+))?(?:/([^/?]+))?(\\?.*)?");

	@TempDir
	Path home;

	private final List<HasMetadata> manifests = Manifests.read(Manifests.files(Manifests.ROOT));

	@Test
	void theMonitorsRoleCoversEveryCallOfTheBackend() throws Exception {
		Set<String> calls = backendCalls();
		assertThat(calls).contains("batch/jobs:create", "batch/jobs:watch", "batch/jobs:delete", "/pods:list",
				"/pods/log:get");
		Role role = role("caesar-monitor");
		assertThat(calls).allSatisfy((call) -> assertThat(allows(role.getRules(), call)).as(call).isTrue());
	}

	@Test
	void theApisRoleAllowsOnlyTheDeleteOfCancel() {
		Role role = role("caesar-api");
		assertThat(allows(role.getRules(), "batch/jobs:delete")).isTrue();
		assertThat(role.getRules()).singleElement()
			.satisfies((rule) -> assertThat(rule.getVerbs()).containsExactly("delete"));
	}

	private Role role(String name) {
		return this.manifests.stream()
			.filter(Role.class::isInstance)
			.map(Role.class::cast)
			.filter((role) -> role.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void grantsNothingClusterWideAndBindsEachRoleToItsServiceAccount() {
		assertThat(this.manifests).noneMatch((r) -> r instanceof ClusterRole || r instanceof ClusterRoleBinding);
		Map<String, String> bindings = new HashMap<>();
		this.manifests.stream()
			.filter(RoleBinding.class::isInstance)
			.map(RoleBinding.class::cast)
			.forEach((binding) -> {
				assertThat(binding.getSubjects()).hasSize(1);
				bindings.put(binding.getSubjects().get(0).getName(), binding.getRoleRef().getName());
			});
		assertThat(bindings).containsOnly(Map.entry("caesar-monitor", "caesar-monitor"),
				Map.entry("caesar-api", "caesar-api"));
		Map<String, String> accounts = new HashMap<>();
		this.manifests.stream()
			.filter(Deployment.class::isInstance)
			.map(Deployment.class::cast)
			.forEach((d) -> accounts.put(d.getMetadata().getName(),
					d.getSpec().getTemplate().getSpec().getServiceAccountName()));
		assertThat(accounts).containsEntry("caesar-job-monitor", "caesar-monitor");
		assertThat(accounts).containsEntry("caesar-rest-api", "caesar-api");
		assertThat(accounts.get("caesar-accounter")).isNotIn("caesar-monitor", "caesar-api");
		assertThat(this.manifests).filteredOn(ServiceAccount.class::isInstance)
			.extracting((r) -> r.getMetadata().getName())
			.contains("caesar-monitor", "caesar-api", accounts.get("caesar-accounter"));
	}

	private Set<String> backendCalls() throws Exception {
		try (MockCluster cluster = MockCluster.start();
				KubernetesClient client = cluster.server.createClient((builder) -> builder.editOrNewConfig()
					.withUserAgent(AGENT)
					.withRequestRetryBackoffLimit(0)
					.endConfig());
				FakeKubelet kubelet = new FakeKubelet(cluster)) {
			StorageLayout layout = MockCluster.layout(this.home);
			KubernetesScheduler scheduler = MockCluster.scheduler(client, layout,
					MockCluster.properties("native-image=caesar-rest:1"), Clock.systemUTC());
			JobLaunch done = launch(layout, "echo done");
			SchedulerRef ref = scheduler.submit(done);
			scheduler.submit(done);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> scheduler.poll(List.of(ref)).get(ref).state() == JobState.SUCCESS);
			SchedulerRef running = scheduler.submit(launch(layout, "sleep 60"));
			scheduler.cancel(running);
			scheduler.checkReachable();
			scheduler.close();
			Set<String> calls = new TreeSet<>();
			RecordedRequest request;
			while ((request = cluster.server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
				if (AGENT.equals(request.getHeader("User-Agent"))) {
					calls.add(verb(request));
				}
			}
			return calls;
		}
	}

	private static JobLaunch launch(StorageLayout layout, String script) {
		String id = Ids.newId();
		return JobLaunch.nativeCommand(id, "bob", "sfinder", List.of("/bin/sh", "-c", script), layout.jobDir("bob", id),
				1, Duration.ofMinutes(1));
	}

	// "<group>/<resource>[/<subresource>]:<verb>" as RBAC sees the request
	private static String verb(RecordedRequest request) {
		Matcher path = PATH.matcher(request.getPath());
		assertThat(path.matches()).as(request.getPath()).isTrue();
		String group = (path.group(1) != null) ? path.group(1) : "";
		String resource = path.group(2) + ((path.group(4) != null) ? "/" + path.group(4) : "");
		boolean named = path.group(3) != null;
		String query = (path.group(5) != null) ? path.group(5) : "";
		String verb = switch (request.getMethod()) {
			case "POST" -> "create";
			case "DELETE" -> "delete";
			case "PUT" -> "update";
			case "PATCH" -> "patch";
			default -> query.contains("watch=true") ? "watch" : named ? "get" : "list";
		};
		return group + "/" + resource + ":" + verb;
	}

	private static boolean allows(List<PolicyRule> rules, String call) {
		String group = call.substring(0, call.indexOf('/'));
		String resource = call.substring(call.indexOf('/') + 1, call.indexOf(':'));
		String verb = call.substring(call.indexOf(':') + 1);
		return rules.stream()
			.anyMatch((rule) -> rule.getApiGroups().contains(group) && rule.getResources().contains(resource)
					&& rule.getVerbs().contains(verb));
	}

}
