package io.caesarrest.monitor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.caesarrest.webhook.CallbackTargets;
import io.caesarrest.webhook.InvalidCallbackUrlException;
import io.caesarrest.webhook.WebhookOutbox;
import io.caesarrest.webhook.WebhookOutbox.Delivery;
import io.caesarrest.webhook.WebhookProperties;
import io.caesarrest.webhook.WebhookSignature;
import okhttp3.Dns;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.ObjectMapper;

/**
 * Delivers the queued webhooks that are due: a POST of the job's terminal status document
 * signed with {@link WebhookSignature}, redirects not followed. A 2xx answer ends the
 * delivery; anything else is retried with a doubling wait until the attempts run out. At
 * least once: a delivery is removed from the queue only after its answer.
 */
class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private static final MediaType JSON = MediaType.get("application/json");

	private final WebhookOutbox outbox;

	private final CallbackTargets targets;

	private final WebhookProperties properties;

	private final ObjectMapper json;

	private final Clock clock;

	private final OkHttpClient client;

	WebhookSender(WebhookOutbox outbox, CallbackTargets targets, WebhookProperties properties, ObjectMapper json,
			Clock clock) {
		this.outbox = outbox;
		this.targets = targets;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		long timeout = properties.timeout().toMillis();
		this.client = new OkHttpClient.Builder().connectTimeout(timeout, TimeUnit.MILLISECONDS)
			.readTimeout(timeout, TimeUnit.MILLISECONDS)
			.writeTimeout(timeout, TimeUnit.MILLISECONDS)
			.callTimeout(timeout * 2, TimeUnit.MILLISECONDS)
			.followRedirects(false)
			.followSslRedirects(false)
			.dns(WebhookSender::reachableAddresses)
			.build();
	}

	/** Makes every delivery that is due. */
	void deliverDue() {
		if (!this.properties.enabled()) {
			return;
		}
		Instant now = this.clock.instant();
		for (Delivery delivery : this.outbox.all()) {
			if (!delivery.nextAttempt().isAfter(now)) {
				try (MDC.MDCCloseable jobId = MDC.putCloseable("job_id", delivery.jobId())) {
					deliver(delivery);
				}
			}
		}
	}

	private void deliver(Delivery delivery) {
		int attempt = delivery.attempts() + 1;
		String error;
		try {
			this.targets.check(delivery.url());
			byte[] body = this.json.writeValueAsBytes(delivery.change().statusDocument(this.clock.instant()));
			Request request = new Request.Builder().url(delivery.url())
				.header(WebhookSignature.HEADER, WebhookSignature.sign(this.properties.secret(), body))
				.header("X-Caesar-Job-Id", delivery.jobId())
				.header("X-Caesar-Attempt", Integer.toString(attempt))
				.header("User-Agent", "caesar-rest-webhook")
				.post(RequestBody.create(body, JSON))
				.build();
			try (Response response = this.client.newCall(request).execute()) {
				if (response.isSuccessful()) {
					this.outbox.remove(delivery.jobId());
					log.info("Webhook of job {} delivered to {} (attempt {})", delivery.jobId(), delivery.url(),
							attempt);
					return;
				}
				error = "HTTP " + response.code();
			}
		}
		catch (InvalidCallbackUrlException ex) {
			this.outbox.remove(delivery.jobId());
			log.warn("Webhook of job {} dropped: {}", delivery.jobId(), ex.getMessage());
			return;
		}
		catch (IOException | IllegalArgumentException ex) {
			error = ex.toString();
		}
		failed(delivery, attempt, error);
	}

	private void failed(Delivery delivery, int attempt, String error) {
		if (attempt >= this.properties.maxAttempts()) {
			this.outbox.remove(delivery.jobId());
			log.warn("Webhook of job {} to {} given up after {} attempts: {}", delivery.jobId(), delivery.url(),
					attempt, error);
			return;
		}
		Instant next = this.clock.instant().plus(this.properties.backoff(attempt));
		this.outbox.retryLater(delivery.jobId(), attempt, next, error);
		log.info("Webhook of job {} to {} failed (attempt {}: {}), next attempt at {}", delivery.jobId(),
				delivery.url(), attempt, error, next);
	}

	/** Resolves a host, leaving out the addresses a webhook must never reach. */
	private static List<InetAddress> reachableAddresses(String host) throws UnknownHostException {
		List<InetAddress> addresses = Dns.SYSTEM.lookup(host).stream().filter(CallbackTargets::isReachable).toList();
		if (addresses.isEmpty()) {
			throw new UnknownHostException(host + " has no address a webhook may reach");
		}
		return addresses;
	}

}
