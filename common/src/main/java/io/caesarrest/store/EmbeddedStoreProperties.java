package io.caesarrest.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded store.
 *
 * @param port loopback port to listen on; 0 picks a free one, a fixed port lets the job
 * monitor and accounter of a split deployment connect to it
 * @param database database name
 */
@ConfigurationProperties("caesar.embedded-store")
public record EmbeddedStoreProperties(@DefaultValue("0") int port, @DefaultValue("caesardb") String database) {

}
