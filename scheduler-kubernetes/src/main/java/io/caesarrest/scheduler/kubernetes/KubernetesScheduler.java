package io.caesarrest.scheduler.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.caesarrest.app.AppLaunch;
import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.caesarrest.scheduler.JobLaunch;
import io.caesarrest.scheduler.Scheduler;
import io.caesarrest.scheduler.SchedulerException;
import io.caesarrest.scheduler.SchedulerRef;
import io.caesarrest.scheduler.SchedulerRejectedException;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.jspecify.annotations.Nullable;

/**
 * Runs jobs as batch/v1 Jobs in one namespace: one Job per launch with a name derived
 * from the job id, states from one informer's cache, cancel by a foreground delete.
 */
public class KubernetesScheduler implements Scheduler, AutoCloseable {

	// how long a created Job may be missing from the watch's cache before it counts as
	// unknown
	private static final Duration CREATE_GRACE = Duration.ofMinutes(1);

	private static final Duration FORGET_AFTER = Duration.ofHours(6);

	private final KubernetesClient client;

	private final String namespace;

	private final KubernetesJobSpecs specs;

	private final KubernetesSchedulerProperties properties;

	private final JobWatch watch;

	private final KubernetesPods pods;

	private final Clock clock;

	private final Map<String, Instant> created = new ConcurrentHashMap<>();

	private final Map<String, Instant> cancelled = new ConcurrentHashMap<>();

	private final Map<String, Execution> ended = new ConcurrentHashMap<>();

	KubernetesScheduler(KubernetesClient client, String namespace, KubernetesJobSpecs specs,
			KubernetesSchedulerProperties properties, Clock clock) {
		this.client = client;
		this.namespace = namespace;
		this.specs = specs;
		this.properties = properties;
		this.watch = new JobWatch(client, namespace, properties.requestTimeout());
		this.pods = new KubernetesPods(client, namespace);
		this.clock = clock;
	}

	@Override
	public String name() {
		return KubernetesSchedulerBackend.TYPE;
	}

	/** The namespace jobs run in. */
	public String namespace() {
		return this.namespace;
	}

	@Override
	public Optional<String> refusal(AppLaunch launch) {
		if (!launch.isNative() || this.properties.nativeImage() != null) {
			return Optional.empty();
		}
		return Optional.of("the Kubernetes scheduler runs container images, and this app is a native command"
				+ " (set caesar.scheduler.kubernetes.native-image to an image that holds it)");
	}

	@Override
	public String processId(SchedulerRef ref) {
		return ref.value();
	}

	@Override
	public Optional<Duration> pollInterval() {
		return Optional.of(this.properties.pollInterval());
	}

	@Override
	public void onChange(Runnable listener) {
		this.watch.onChange(listener);
	}

	@Override
	public SchedulerRef submit(JobLaunch launch) {
		Job job;
		try {
			job = this.specs.job(launch);
		}
		catch (IllegalArgumentException ex) {
			throw new SchedulerRejectedException(
					"Cannot run job " + launch.jobId() + " on Kubernetes: " + ex.getMessage(), ex);
		}
		prepareJobDir(launch);
		this.watch.start();
		String name = job.getMetadata().getName();
		try {
			this.client.batch().v1().jobs().inNamespace(this.namespace).resource(job).create();
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() != 409) {
				throw KubernetesErrors.onSubmit(launch.jobId(), ex);
			}
			checkSameJob(name, launch.jobId());
		}
		this.created.put(name, this.clock.instant());
		return new SchedulerRef(name);
	}

	// a repeated submit (e.g. after a crash between create and recording the handle)
	// finds the Job it created before
	private void checkSameJob(String name, String jobId) {
		Job existing = KubernetesErrors.call("read Job " + name,
				() -> this.client.batch().v1().jobs().inNamespace(this.namespace).withName(name).get());
		String label = (existing != null) ? existing.getMetadata().getLabels().get(KubernetesJobSpecs.JOB_ID) : null;
		if (existing == null || !KubernetesJobSpecs.jobIdLabel(jobId).equals(label)) {
			throw new SchedulerException("Job " + name + " exists for another job or is being deleted");
		}
	}

	private void prepareJobDir(JobLaunch launch) {
		try {
			Files.createDirectories(launch.jobDir());
		}
		catch (IOException ex) {
			throw new SchedulerException("Cannot create the job dir " + launch.jobDir() + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public Map<SchedulerRef, Execution> poll(Collection<SchedulerRef> refs) {
		forgetOld();
		Map<SchedulerRef, Execution> executions = new LinkedHashMap<>();
		for (SchedulerRef ref : refs) {
			Execution execution = execution(ref.value());
			if (execution != null) {
				executions.put(ref, execution);
			}
		}
		return executions;
	}

	private @Nullable Execution execution(String name) {
		Execution end = this.ended.get(name);
		if (end != null) {
			return end;
		}
		if (this.cancelled.containsKey(name)) {
			return remember(name, new Execution(JobState.CANCELED, -1, null, this.clock.instant(), "Job canceled"));
		}
		Job job = this.watch.get(name);
		if (job == null) {
			return missing(name);
		}
		this.created.remove(name);
		if (KubernetesExecutions.isFinished(job)) {
			Pod pod = KubernetesErrors.call("read the pod of Job " + name, () -> this.pods.podOf(job)).orElse(null);
			if (pod != null) {
				this.pods.saveLog(job, pod);
			}
			return remember(name, KubernetesExecutions.ofFinished(job, pod));
		}
		if (!KubernetesExecutions.isRunning(job) && waitedTooLong(job)) {
			// no pod at all: the cluster refused to create it (quota, admission)
			Optional<String> stuck = KubernetesErrors.call("read the pod of Job " + name, () -> this.pods.podOf(job))
				.map(KubernetesExecutions::stuckReason)
				.orElse(Optional.of("no pod was created (see the Job's events: quota, admission...)"));
			if (stuck.isPresent()) {
				delete(name);
				return remember(name, new Execution(JobState.FAILURE, null, null, this.clock.instant(),
						"Job could not start within " + this.properties.pendingTimeout() + ": " + stuck.get()));
			}
		}
		return KubernetesExecutions.ofActive(job);
	}

	private @Nullable Execution missing(String name) {
		Job last = this.watch.deleted(name);
		if (last != null) {
			this.watch.forget(name);
			if (KubernetesExecutions.isFinished(last)) {
				return remember(name, KubernetesExecutions.ofFinished(last, null));
			}
			return remember(name, new Execution(JobState.FAILURE, null, null, this.clock.instant(),
					"Kubernetes Job " + name + " was deleted before it ended, not by caesar-rest"));
		}
		Instant createdAt = this.created.get(name);
		if (createdAt != null && createdAt.plus(CREATE_GRACE).isAfter(this.clock.instant())) {
			return new Execution(JobState.PENDING, null, null, null, "Job created, not yet seen by the watch");
		}
		return null;
	}

	private boolean waitedTooLong(Job job) {
		Instant created = KubernetesExecutions.instant(job.getMetadata().getCreationTimestamp());
		return created != null && created.plus(this.properties.pendingTimeout()).isBefore(this.clock.instant());
	}

	private Execution remember(String name, Execution execution) {
		this.ended.put(name, execution);
		this.created.remove(name);
		return execution;
	}

	private void forgetOld() {
		Instant limit = this.clock.instant().minus(FORGET_AFTER);
		this.cancelled.values().removeIf((at) -> at.isBefore(limit));
		this.ended.values().removeIf((e) -> e.end() != null && e.end().isBefore(limit));
		this.watch.forgetDeletedBefore(limit);
	}

	@Override
	public void cancel(SchedulerRef ref) {
		String name = ref.value();
		Execution end = this.ended.get(name);
		if (end != null && end.state() != JobState.CANCELED) {
			return;
		}
		delete(name);
		// only once the delete is accepted: a failed one leaves the Job reported as it
		// is,
		// so that the engine cancels it again
		this.cancelled.putIfAbsent(name, this.clock.instant());
	}

	// foreground: the Job is gone only once its pod is, so nothing runs after it
	private void delete(String name) {
		KubernetesErrors.call("delete Job " + name,
				() -> this.client.batch()
					.v1()
					.jobs()
					.inNamespace(this.namespace)
					.withName(name)
					.withPropagationPolicy(DeletionPropagation.FOREGROUND)
					.delete());
	}

	/**
	 * Checks that the API server answers and lets this service list its Jobs.
	 * @throws KubernetesUnreachableException if it does not, with the reason
	 */
	void checkReachable() {
		try {
			this.client.batch()
				.v1()
				.jobs()
				.inNamespace(this.namespace)
				.withLabel(KubernetesJobSpecs.MANAGED_BY, KubernetesJobSpecs.MANAGER)
				.list(new ListOptionsBuilder().withLimit(1L).build());
		}
		catch (KubernetesClientException ex) {
			throw new KubernetesUnreachableException("caesar.scheduler.type=kubernetes: cannot list Jobs in namespace "
					+ this.namespace + " at " + this.client.getMasterUrl() + " (in-cluster config or KUBECONFIG): "
					+ KubernetesErrors.reason(ex), ex);
		}
	}

	@Override
	public void close() {
		this.watch.close();
	}

}
