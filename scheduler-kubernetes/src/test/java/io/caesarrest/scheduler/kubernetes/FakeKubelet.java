package io.caesarrest.scheduler.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/**
 * Plays the kubelet and the Job controller for the mock API server: it watches the Jobs,
 * runs each one's container command as a local process in its mounted job dir with the
 * pod's environment, enforces {@code activeDeadlineSeconds}, kills the process when the
 * Job is deleted, and writes the pod's and the Job's status as a cluster would.
 */
final class FakeKubelet implements AutoCloseable {

	private final KubernetesClient client;

	private final KubernetesMockServer server;

	private final String namespace;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Process> processes = new ConcurrentHashMap<>();

	private final Map<String, Boolean> deleted = new ConcurrentHashMap<>();

	private final Watch watch;

	FakeKubelet(MockCluster cluster) {
		this.client = cluster.client;
		this.server = cluster.server;
		this.namespace = MockCluster.NAMESPACE;
		this.watch = this.client.batch().v1().jobs().inNamespace(this.namespace).watch(new Watcher<>() {

			@Override
			public void eventReceived(Action action, Job job) {
				String name = job.getMetadata().getName();
				if (action == Action.ADDED) {
					FakeKubelet.this.executor.execute(() -> run(job));
				}
				else if (action == Action.DELETED) {
					FakeKubelet.this.deleted.put(name, true);
					Process process = FakeKubelet.this.processes.get(name);
					if (process != null) {
						kill(process);
					}
				}
			}

			@Override
			public void onClose(WatcherException cause) {
			}

		});
	}

	private void run(Job job) {
		String name = job.getMetadata().getName();
		Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
		List<String> argv = new ArrayList<>(container.getCommand());
		argv.addAll(container.getArgs());
		Path workDir = Path.of(container.getWorkingDir());
		String podName = name + "-x7k2p";
		try {
			Path log = Files.createTempFile("pod", ".log");
			ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			container.getEnv()
				.forEach((variable) -> builder.environment().put(variable.getName(), variable.getValue()));
			if (this.deleted.containsKey(name)) {
				return;
			}
			Process process = builder.start();
			this.processes.put(name, process);
			if (this.deleted.containsKey(name)) {
				kill(process);
				return;
			}
			createPod(job, podName);
			jobStatus(name, (status) -> {
				status.setActive(1);
				status.setReady(1);
				status.setStartTime(now());
			});
			Long deadline = job.getSpec().getActiveDeadlineSeconds();
			boolean ended = process.waitFor((deadline != null) ? deadline : Long.MAX_VALUE / 2, TimeUnit.SECONDS);
			if (!ended) {
				kill(process);
			}
			if (this.deleted.containsKey(name)) {
				return;
			}
			int code = process.waitFor();
			this.server.expect()
				.get()
				.withPath("/api/v1/namespaces/" + this.namespace + "/pods/" + podName + "/log?pretty=false&container="
						+ KubernetesJobSpecs.CONTAINER)
				.andReturn(200, Files.readString(log))
				.always();
			terminate(podName, code);
			finish(name, ended ? null : "DeadlineExceeded", code);
		}
		catch (KubernetesClientException ex) {
			// the Job was deleted (canceled) while this kubelet wrote its status: its pod
			// goes with it
			Process process = this.processes.get(name);
			if (ex.getCode() != 404 || process == null) {
				throw ex;
			}
			kill(process);
		}
		catch (IOException ex) {
			finish(name, "BackoffLimitExceeded", 127);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void createPod(Job job, String podName) {
		this.client.pods()
			.inNamespace(this.namespace)
			.resource(new PodBuilder().withNewMetadata()
				.withName(podName)
				.withLabels(job.getSpec().getTemplate().getMetadata().getLabels())
				.endMetadata()
				.withSpec(job.getSpec().getTemplate().getSpec())
				.build())
			.create();
	}

	private void terminate(String podName, int code) {
		ContainerStatus status = new ContainerStatusBuilder().withName(KubernetesJobSpecs.CONTAINER)
			.withNewState()
			.withNewTerminated()
			.withExitCode(code)
			.withReason((code == 0) ? "Completed" : "Error")
			.endTerminated()
			.endState()
			.build();
		this.client.pods()
			.inNamespace(this.namespace)
			.withName(podName)
			.editStatus((pod) -> new PodBuilder(pod).editOrNewStatus()
				.withPhase((code == 0) ? "Succeeded" : "Failed")
				.withContainerStatuses(status)
				.endStatus()
				.build());
	}

	private void finish(String name, String failure, int code) {
		String reason = (failure != null) ? failure : (code == 0) ? null : "BackoffLimitExceeded";
		jobStatus(name, (status) -> {
			status.setActive(0);
			status.setReady(0);
			status.setSucceeded((reason == null) ? 1 : 0);
			status.setFailed((reason == null) ? 0 : 1);
			status.setCompletionTime((reason == null) ? now() : null);
			status.setConditions(List.of(new JobConditionBuilder().withType((reason == null) ? "Complete" : "Failed")
				.withStatus("True")
				.withReason(reason)
				.withMessage((reason != null) ? "Job has reached the specified backoff limit" : null)
				.withLastTransitionTime(now())
				.build()));
		});
	}

	private void jobStatus(String name, Consumer<JobStatus> edit) {
		this.client.batch().v1().jobs().inNamespace(this.namespace).withName(name).editStatus((job) -> {
			JobStatus status = (job.getStatus() != null) ? job.getStatus() : new JobStatus();
			edit.accept(status);
			job.setStatus(status);
			return job;
		});
	}

	// the whole container at once, as a pod's deletion does: the parent first, so that it
	// cannot go on after its children died
	private static void kill(Process process) {
		List<ProcessHandle> children = process.descendants().toList();
		process.destroyForcibly();
		children.forEach(ProcessHandle::destroyForcibly);
	}

	static String now() {
		return Instant.now().toString();
	}

	@Override
	public void close() {
		this.watch.close();
		this.processes.values().forEach(FakeKubelet::kill);
		this.executor.shutdownNow();
	}

}
