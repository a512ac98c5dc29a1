package io.caesarrest.api.event;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.Set;

import io.caesarrest.job.JobState;
import io.caesarrest.job.JobStatusChange;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream: a caller's changes, of all their jobs or of one. Used only on
 * the hub's thread.
 */
final class JobEventStream {

	private static final int REMEMBERED = 1_000;

	private final String owner;

	private final @Nullable String jobId;

	private final SseEmitter emitter;

	/** The change numbers sent lately, so that a change read twice is sent once. */
	private final Set<Long> sent = new LinkedHashSet<>();

	private @Nullable JobState lastState;

	private boolean closed;

	JobEventStream(String owner, @Nullable String jobId, SseEmitter emitter) {
		this.owner = owner;
		this.jobId = jobId;
		this.emitter = emitter;
	}

	String owner() {
		return this.owner;
	}

	@Nullable String jobId() {
		return this.jobId;
	}

	boolean isClosed() {
		return this.closed;
	}

	boolean wants(JobStatusChange change) {
		return !this.closed && this.owner.equals(change.owner())
				&& (this.jobId == null || this.jobId.equals(change.jobId()));
	}

	/**
	 * Sends a change if this stream wants it and has not sent it; on a one-job stream, a
	 * terminal state is followed by the end event and the stream closes.
	 */
	void offer(JobStatusChange change, Instant now) {
		if (wants(change) && remember(change.seq())) {
			send(change, now);
		}
	}

	/**
	 * Sends a job's current status, read from the job itself.
	 * @param current the status, numbered with the newest change number when it was read
	 * @param now the current time
	 */
	void sendCurrent(JobStatusChange current, Instant now) {
		if (wants(current)) {
			send(current, now);
		}
	}

	private void send(JobStatusChange change, Instant now) {
		if (this.jobId != null && change.state() == this.lastState) {
			// the current status sent first may already show this change
			return;
		}
		this.lastState = change.state();
		send("status", change, now);
		if (this.jobId != null && change.state().isTerminal()) {
			send("end", change, now);
			close();
		}
	}

	void heartbeat() {
		try {
			this.emitter.send(SseEmitter.event().comment(" ping"));
		}
		catch (IOException | IllegalStateException ex) {
			this.closed = true;
		}
	}

	void hello(long retryMillis) {
		try {
			this.emitter.send(SseEmitter.event().reconnectTime(retryMillis).comment(" connected"));
		}
		catch (IOException | IllegalStateException ex) {
			this.closed = true;
		}
	}

	void close() {
		if (!this.closed) {
			this.closed = true;
			this.emitter.complete();
		}
	}

	void markClosed() {
		this.closed = true;
	}

	private void send(String name, JobStatusChange change, Instant now) {
		try {
			this.emitter.send(SseEmitter.event()
				.id(Long.toString(change.seq()))
				.name(name)
				.data(change.statusDocument(now), MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away; the hub drops the stream
			this.closed = true;
		}
	}

	private boolean remember(long seq) {
		if (!this.sent.add(seq)) {
			return false;
		}
		if (this.sent.size() > REMEMBERED) {
			Iterator<Long> oldest = this.sent.iterator();
			oldest.next();
			oldest.remove();
		}
		return true;
	}

}
