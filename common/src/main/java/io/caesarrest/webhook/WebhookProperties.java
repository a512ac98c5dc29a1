package io.caesarrest.webhook;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Completion webhook settings.
 *
 * @param secret the key of the HMAC-SHA256 signature of every webhook body; unset, jobs
 * with a {@code callback_url} are refused
 * @param allowedHosts the hosts a callback may target: a name, or {@code *.domain} for
 * any name under it; empty (the default) allows any host but those always refused
 * (link-local addresses, this service's own ports on a local address)
 * @param maxAttempts attempts before a delivery is given up
 * @param initialBackoff the wait after the first failed attempt, doubled after each
 * further one
 * @param maxBackoff the longest wait between two attempts
 * @param timeout connect and read timeout of one attempt
 * @param pollInterval how often the monitor looks for deliveries queued by another
 * process (deliveries queued in its own process go at once)
 */
@ConfigurationProperties("caesar.webhooks")
public record WebhookProperties(@Nullable String secret, @DefaultValue List<String> allowedHosts,
		@DefaultValue("8") int maxAttempts, @DefaultValue("2s") Duration initialBackoff,
		@DefaultValue("10m") Duration maxBackoff, @DefaultValue("10s") Duration timeout,
		@DefaultValue("2s") Duration pollInterval) {

	/** Whether webhooks can be signed, so accepted. */
	public boolean enabled() {
		return this.secret != null && !this.secret.isBlank();
	}

	/**
	 * The wait before the attempt after {@code attempts} failed ones.
	 * @param attempts failed attempts so far, at least 1
	 * @return the wait
	 */
	public Duration backoff(int attempts) {
		Duration wait = this.initialBackoff.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
