package io.caesarrest.scheduler.kubernetes;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.caesarrest.job.JobState;
import io.caesarrest.scheduler.Execution;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import org.jspecify.annotations.Nullable;

/**
 * The one mapping from a Job's status (and its pod's) to an {@link Execution}.
 */
final class KubernetesExecutions {

	/** Exit code of a job stopped at its time limit, as the {@code timeout} command's. */
	static final int TIMED_OUT_EXIT_CODE = 124;

	private static final Set<String> IMAGE_PROBLEMS = Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName",
			"ErrImageNeverPull", "CreateContainerConfigError", "CreateContainerError");

	private KubernetesExecutions() {
	}

	/** Whether the Job has ended: its Complete or Failed condition is true. */
	static boolean isFinished(Job job) {
		return condition(job, "Complete").isPresent() || condition(job, "Failed").isPresent();
	}

	/** Whether the Job's pod has started running. */
	static boolean isRunning(Job job) {
		JobStatus status = job.getStatus();
		if (status == null || status.getActive() == null || status.getActive() < 1) {
			return false;
		}
		// without the ready counter (older clusters) an active pod counts as running
		return status.getReady() == null || status.getReady() > 0;
	}

	/** The execution of a Job that has not ended. */
	static Execution ofActive(Job job) {
		if (isRunning(job)) {
			return new Execution(JobState.RUNNING, null, startOf(job), null, "Job pod is running");
		}
		return new Execution(JobState.PENDING, null, null, null, "Job present in cluster but pod not yet running");
	}

	/**
	 * The execution of an ended Job.
	 * @param job the Job, {@link #isFinished finished}
	 * @param pod its pod, or null when it is gone
	 */
	static Execution ofFinished(Job job, @Nullable Pod pod) {
		Instant start = startOf(job);
		if (condition(job, "Complete").isPresent()) {
			Instant end = instant(job.getStatus().getCompletionTime());
			return new Execution(JobState.SUCCESS, 0, start, end, "Job completed with success");
		}
		JobCondition failed = condition(job, "Failed").orElseThrow();
		Instant end = instant(failed.getLastTransitionTime());
		if ("DeadlineExceeded".equals(failed.getReason())) {
			return new Execution(JobState.TIMED_OUT, TIMED_OUT_EXIT_CODE, start, end,
					"Job terminated due to time limit reached");
		}
		ContainerStateTerminated terminated = terminated(pod);
		if (terminated == null) {
			return new Execution(JobState.FAILURE, null, start, end,
					"Job failed (" + failed.getReason() + ": " + failed.getMessage() + ")");
		}
		int code = (terminated.getExitCode() != null && terminated.getExitCode() != 0) ? terminated.getExitCode() : 1;
		String reason = terminated.getReason();
		if ("OOMKilled".equals(reason)) {
			return new Execution(JobState.FAILURE, code, start, end,
					"Job failed: its container ran out of memory (OOMKilled, exit code " + code + ")");
		}
		return new Execution(JobState.FAILURE, code, start, end,
				"Job failed with exit code " + code + ((reason != null) ? " (" + reason + ")" : ""));
	}

	/**
	 * Why a pod that has not started cannot start: it cannot be scheduled, or its image
	 * cannot be pulled.
	 * @param pod the pod
	 * @return the reason, with the cluster's message, or empty while it may still start
	 */
	static Optional<String> stuckReason(Pod pod) {
		if (pod.getStatus() == null) {
			return Optional.empty();
		}
		for (ContainerStatus status : list(pod.getStatus().getContainerStatuses())) {
			ContainerStateWaiting waiting = (status.getState() != null) ? status.getState().getWaiting() : null;
			if (waiting != null && IMAGE_PROBLEMS.contains(waiting.getReason())) {
				return Optional.of(waiting.getReason() + ": " + waiting.getMessage());
			}
		}
		for (PodCondition condition : list(pod.getStatus().getConditions())) {
			if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())
					&& "Unschedulable".equals(condition.getReason())) {
				return Optional.of("Unschedulable: " + condition.getMessage());
			}
		}
		return Optional.empty();
	}

	private static @Nullable ContainerStateTerminated terminated(@Nullable Pod pod) {
		if (pod == null || pod.getStatus() == null) {
			return null;
		}
		return list(pod.getStatus().getContainerStatuses()).stream()
			.filter((status) -> KubernetesJobSpecs.CONTAINER.equals(status.getName()))
			.map((status) -> (status.getState() != null) ? status.getState().getTerminated() : null)
			.filter((state) -> state != null)
			.findFirst()
			.orElse(null);
	}

	private static Optional<JobCondition> condition(Job job, String type) {
		if (job.getStatus() == null) {
			return Optional.empty();
		}
		return list(job.getStatus().getConditions()).stream()
			.filter((condition) -> type.equals(condition.getType()) && "True".equals(condition.getStatus()))
			.findFirst();
	}

	private static @Nullable Instant startOf(Job job) {
		return (job.getStatus() != null) ? instant(job.getStatus().getStartTime()) : null;
	}

	static @Nullable Instant instant(@Nullable String time) {
		try {
			return (time != null) ? Instant.parse(time) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static <T> List<T> list(@Nullable List<T> values) {
		return (values != null) ? values : List.of();
	}

}
