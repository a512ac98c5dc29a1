package io.caesarrest.api.event;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Job event stream settings.
 *
 * @param heartbeat time between two heartbeat comments on an open stream
 * @param pollInterval how often the change feed in the store is read while a stream is
 * open and changes can come from another process
 * @param pollStore whether to read the change feed in the store: by default only when
 * another process may write job states (no job monitor in this process, or a MongoDB
 * server that other replicas share); in the all-in-one service on its embedded store
 * every change is written here and streams are told at once
 */
@ConfigurationProperties("caesar.events")
public record EventProperties(@DefaultValue("15s") Duration heartbeat, @DefaultValue("250ms") Duration pollInterval,
		@Nullable Boolean pollStore) {

}
