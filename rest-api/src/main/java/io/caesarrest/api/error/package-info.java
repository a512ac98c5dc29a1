/**
 * Errors as JSON with a human {@code status} message and the right HTTP code.
 */
package io.caesarrest.api.error;
