package io.caesarrest.api.uws;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * UWS settings.
 *
 * @param maxWait the longest a blocking {@code WAIT} request is held (a client asking for
 * more, or {@code WAIT=-1}, gets this)
 * @param pendingLifetime how long a job created without {@code PHASE=RUN} is kept in the
 * PENDING phase before it is destroyed
 */
@ConfigurationProperties("caesar.uws")
public record UwsProperties(@DefaultValue("60s") Duration maxWait, @DefaultValue("7d") Duration pendingLifetime) {

}
