package io.caesarrest.scheduler.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests of {@code deploy/kubernetes}: every document is a resource fabric8's
 * typed model reads without an unknown field, and they reference each other correctly
 * (the rendering with kustomize is checked by hand, see docs/operations.md).
 */
class KubernetesManifestsTests {

	private final List<HasMetadata> resources = Manifests.read(Manifests.files(Manifests.ROOT));

	private <T extends HasMetadata> List<T> all(Class<T> type) {
		return this.resources.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private Set<String> names(Class<? extends HasMetadata> type) {
		return all(type).stream().map((r) -> r.getMetadata().getName()).collect(Collectors.toSet());
	}

	private Stream<PodTemplateSpec> podTemplates() {
		return this.resources.stream().map(Manifests::podTemplate).filter((t) -> t != null);
	}

	@Test
	void everyDocumentIsAKnownResourceWithOnlyKnownFields() {
		assertThat(this.resources).hasSizeGreaterThanOrEqualTo(20);
		for (HasMetadata resource : this.resources) {
			assertThat(Manifests.unknownFields(resource, resource.getKind() + "/" + resource.getMetadata().getName()))
				.isEmpty();
		}
	}

	@Test
	void findsAMisspeltField() {
		HasMetadata typo = Serialization.unmarshal(
				"apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replica: 2\n", HasMetadata.class);
		assertThat(Manifests.unknownFields(typo, "x")).containsExactly("x.Spec: [replica]");
	}

	@Test
	void kustomizationsListEveryManifestAndOnlyExistingOnes() throws Exception {
		YAMLMapper yaml = new YAMLMapper();
		Set<Path> listed = new HashSet<>();
		for (Path dir : List.of(Manifests.ROOT.resolve("base"), Manifests.ROOT.resolve("overlays/example"))) {
			JsonNode kustomization = yaml.readTree(dir.resolve("kustomization.yaml").toFile());
			kustomization.get("resources").forEach((entry) -> listed.add(dir.resolve(entry.asString()).normalize()));
			if (kustomization.has("patches")) {
				kustomization.get("patches")
					.forEach((entry) -> listed.add(dir.resolve(entry.get("path").asString()).normalize()));
			}
		}
		assertThat(listed).allSatisfy((path) -> assertThat(path).exists());
		assertThat(Manifests.files(Manifests.ROOT)).allSatisfy((file) -> assertThat(listed).contains(file.normalize()));
	}

	@Test
	void servicesSelectThePodsOfAWorkload() {
		for (Service service : all(Service.class)) {
			Map<String, String> selector = service.getSpec().getSelector();
			assertThat(selector).as(service.getMetadata().getName()).isNotEmpty();
			assertThat(podTemplates()).as(service.getMetadata().getName())
				.anySatisfy(
						(template) -> assertThat(template.getMetadata().getLabels()).containsAllEntriesOf(selector));
		}
	}

	@Test
	void theIngressServesTheApiFromAnExistingServicePort() {
		Ingress ingress = all(Ingress.class).get(0);
		var path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
		assertThat(path.getPath()).isEqualTo("/caesar/api/v1.0");
		Service service = all(Service.class).stream()
			.filter((s) -> s.getMetadata().getName().equals(path.getBackend().getService().getName()))
			.findFirst()
			.orElseThrow();
		assertThat(service.getSpec().getPorts()).anySatisfy(
				(port) -> assertThat(port.getName()).isEqualTo(path.getBackend().getService().getPort().getName()));
	}

	@Test
	void volumesAndSettingsReferenceExistingClaimsConfigMapsAndSecrets() {
		Set<String> claims = names(PersistentVolumeClaim.class);
		assertThat(claims).contains("caesar-data", "caesar-jobs");
		podTemplates().flatMap((template) -> template.getSpec().getVolumes().stream())
			.map(Volume::getPersistentVolumeClaim)
			.filter((claim) -> claim != null)
			.forEach((claim) -> assertThat(claims).contains(claim.getClaimName()));
		Map<String, String> settings = all(ConfigMap.class).get(0).getData();
		assertThat(claims).contains(settings.get("CAESAR_SCHEDULER_KUBERNETES_DATA_CLAIM"),
				settings.get("CAESAR_SCHEDULER_KUBERNETES_JOBS_CLAIM"));
		podTemplates().flatMap((template) -> template.getSpec().getContainers().stream())
			.flatMap((container) -> container.getEnvFrom().stream())
			.forEach((source) -> assertReferenceExists(source));
	}

	private void assertReferenceExists(EnvFromSource source) {
		if (source.getConfigMapRef() != null) {
			assertThat(names(ConfigMap.class)).contains(source.getConfigMapRef().getName());
		}
		if (source.getSecretRef() != null) {
			assertThat(names(Secret.class)).contains(source.getSecretRef().getName());
		}
	}

	@Test
	void runsTwoApiReplicasTwoMonitorsAndOneAccounter() {
		Map<String, Integer> replicas = all(Deployment.class).stream()
			.collect(Collectors.toMap((d) -> d.getMetadata().getName(), (d) -> d.getSpec().getReplicas()));
		assertThat(replicas).containsEntry("caesar-rest-api", 2)
			.containsEntry("caesar-job-monitor", 2)
			.containsEntry("caesar-accounter", 1);
	}

	@Test
	void everyContainerIsBoundedProbedNonRootAndReadOnly() {
		podTemplates().forEach((template) -> {
			PodSpec pod = template.getSpec();
			for (Container container : pod.getContainers()) {
				String name = container.getName();
				assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
				assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
				assertThat(container.getReadinessProbe()).as(name).isNotNull();
				assertThat(container.getLivenessProbe()).as(name).isNotNull();
				assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
				assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
				assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
			}
		});
		all(Deployment.class).stream()
			.flatMap((d) -> d.getSpec().getTemplate().getSpec().getContainers().stream())
			.forEach((container) -> {
				assertThat(container.getReadinessProbe().getHttpGet().getPath())
					.isEqualTo("/actuator/health/readiness");
				assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
			});
	}

	@Test
	void theDefaultDenyPolicySelectsEveryPodOfTheBaseOnceKustomized() throws Exception {
		JsonNode labels = new YAMLMapper().readTree(Manifests.ROOT.resolve("base/kustomization.yaml").toFile())
			.get("labels")
			.get(0);
		assertThat(labels.get("includeTemplates").asBoolean()).isTrue();
		Map<String, String> added = new HashMap<>();
		labels.get("pairs").properties().forEach((pair) -> added.put(pair.getKey(), pair.getValue().asString()));
		NetworkPolicy deny = all(NetworkPolicy.class).stream()
			.filter((policy) -> policy.getMetadata().getName().equals("caesar-default-deny-ingress"))
			.findFirst()
			.orElseThrow();
		assertThat(added).containsAllEntriesOf(deny.getSpec().getPodSelector().getMatchLabels());
		assertThat(Manifests.read(Manifests.files(Manifests.ROOT.resolve("base"))))
			.filteredOn(Deployment.class::isInstance)
			.hasSize(3);
	}

	@Test
	void isolatesTheJobsPodsAndMongoDb() {
		assertThat(all(NetworkPolicy.class)).anySatisfy((policy) -> {
			assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry(KubernetesJobSpecs.MANAGED_BY,
					KubernetesJobSpecs.MANAGER);
			assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress", "Egress");
			assertThat(policy.getSpec().getIngress()).isEmpty();
		});
		assertThat(all(NetworkPolicy.class))
			.anySatisfy((policy) -> assertThat(policy.getSpec().getPodSelector().getMatchLabels())
				.containsEntry("app.kubernetes.io/name", "caesar-mongodb"));
		assertThat(Files.exists(Manifests.ROOT.resolve("overlays/example/mongodb.yaml"))).isTrue();
	}

}
