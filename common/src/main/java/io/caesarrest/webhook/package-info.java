/**
 * Completion webhooks: settings, the check of a callback URL, the signature and the
 * persisted outbox of deliveries.
 */
@NullMarked
package io.caesarrest.webhook;

import org.jspecify.annotations.NullMarked;
